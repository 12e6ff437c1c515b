import { defineElement } from '../internal/define-element.js';
import { LdHostIdInput } from '../components/hostid-input/hostid-input.js';

defineElement('ld-hostid-input', LdHostIdInput);
