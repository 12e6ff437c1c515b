import './status.js';
import { defineElement } from '../internal/define-element.js';
import { LdClientKey } from '../components/client-key/client-key.js';

defineElement('ld-client-key', LdClientKey);
