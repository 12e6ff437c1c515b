import './status.js';
import { defineElement } from '../internal/define-element.js';
import { LdAboutPanel } from '../components/about-panel/about-panel.js';

defineElement('ld-about-panel', LdAboutPanel);
