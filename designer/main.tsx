import { mount } from '../browser/main.js';
import '@xyflow/react/dist/style.css';
import './designer.css';
import { App } from './App.js';

mount(App);
