import { defineElement } from '../internal/define-element.js';
import { LdProvider } from '../components/provider/provider.js';

defineElement('ld-provider', LdProvider);
