import { defineElement } from '../internal/define-element.js';
import { LdPoolsView } from '../components/pools-view/pools-view.js';

defineElement('ld-pools-view', LdPoolsView);
