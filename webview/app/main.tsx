/** Webview app entry: the host names the app to show in `<body data-view>`. */
import { render } from 'preact';
import './styles.css';
import '../shared/stride-diagram.css';
import '../shared/array/array.css';
import { isBenchMessage } from '../../src/protocol';
import { BenchPanel } from './bench/BenchPanel';
import { Calculator } from './calculator/Calculator';
import { NpyViewer } from './npy/NpyViewer';
import { onHostMessage, post } from './vscodeApi';

const root = document.getElementById('root');
window.addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));

if (root) {
  switch (document.body.dataset.view) {
    case 'calculator':
      render(<Calculator />, root);
      break;
    case 'npyViewer':
      render(<NpyViewer />, root);
      break;
    case 'bench':
      render(<BenchPanel post={post} subscribe={(h) => onHostMessage((m) => { if (isBenchMessage(m)) h(m); })} />, root);
      break;
    default:
      root.textContent = `Stride Lens: unknown view '${document.body.dataset.view ?? ''}'`;
  }
}
