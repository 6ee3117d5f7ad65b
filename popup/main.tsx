import { render } from 'preact';
import '../src/ui/styles.css';
import './popup.css';
import { Popup } from './Popup.tsx';

const root = document.getElementById('root');
if (root) render(<Popup />, root);
