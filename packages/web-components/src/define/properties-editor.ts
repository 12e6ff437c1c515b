import './status.js';
import { defineElement } from '../internal/define-element.js';
import { LdPropertiesEditor } from '../components/properties-editor/properties-editor.js';

defineElement('ld-properties-editor', LdPropertiesEditor);
