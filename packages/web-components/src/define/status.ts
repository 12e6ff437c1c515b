import { defineElement } from '../internal/define-element.js';
import { LdStatus } from '../components/status/status.js';

defineElement('ld-status', LdStatus);
