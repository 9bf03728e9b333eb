import { mount } from '../browser/main.js';
import './workspace.css';
import { App } from './App.js';

mount(App);
