import './status.js';
import './data-table.js';
import './pager.js';
import { defineElement } from '../internal/define-element.js';
import { LdDevicesTable } from '../components/devices-table/devices-table.js';

defineElement('ld-devices-table', LdDevicesTable);
