import { defineElement } from '../internal/define-element.js';
import { LdNav } from '../components/nav/nav.js';

defineElement('ld-nav', LdNav);
