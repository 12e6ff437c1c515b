import { defineElement } from '../internal/define-element.js';
import { LdDataTable } from '../components/data-table/data-table.js';

defineElement('ld-data-table', LdDataTable);
