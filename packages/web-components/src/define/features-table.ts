import './status.js';
import './data-table.js';
import './pager.js';
import { defineElement } from '../internal/define-element.js';
import { LdFeaturesTable } from '../components/features-table/features-table.js';

defineElement('ld-features-table', LdFeaturesTable);
