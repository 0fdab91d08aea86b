import { render } from 'preact';
export const activate = () => ({ renderOutputItem: (_item: unknown, el: HTMLElement) => render(<div />, el) });
