import './status.js';
import './code-view.js';
import './hostid-input.js';
import { defineElement } from '../internal/define-element.js';
import { LdModelEditor } from '../components/model-editor/model-editor.js';

defineElement('ld-model-editor', LdModelEditor);
