import { render } from 'preact';
render(<div />, document.body);
