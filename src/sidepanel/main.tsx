import { render } from 'preact';
import '../ui/styles.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (root) render(<App />, root);
