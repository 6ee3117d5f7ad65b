import { render } from 'preact';
import '../ui/styles.css';
import { Options } from './Options.tsx';

const root = document.getElementById('root');
if (root) render(<Options />, root);
