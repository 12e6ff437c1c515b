import './status.js';
import './data-table.js';
import './pager.js';
import './model-editor.js';
import { defineElement } from '../internal/define-element.js';
import { LdPoolsView } from '../components/pools-view/pools-view.js';

defineElement('ld-pools-view', LdPoolsView);
