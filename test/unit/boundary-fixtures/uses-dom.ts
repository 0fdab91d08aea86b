// Deliberate violation: the pure layers may not touch the DOM.
export const x = document.title;
