import { defineElement } from '../internal/define-element.js';
import { LdCodeView } from '../components/code-view/code-view.js';

defineElement('ld-code-view', LdCodeView);
