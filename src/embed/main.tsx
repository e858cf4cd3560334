/** @jsxImportSource preact */
import { render } from 'preact';
import { App } from './components/App.tsx';
import './embed.css';

render(<App />, document.getElementById('root')!);
