import { render } from 'preact';
import '../ui/styles.css';
import { onBroadcast } from '../platform/messaging.ts';
import { refreshLiveQueries } from '../ui/use-live-query.ts';
import { App } from './App.tsx';

onBroadcast((message) => {
  if (message.type === 'data-changed') refreshLiveQueries();
});

const root = document.getElementById('root');
if (root) render(<App />, root);
