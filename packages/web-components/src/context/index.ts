export { clientContext } from './client-context.js';
export {
  managerOptionsContext,
  DEFAULT_MANAGER_OPTIONS,
  DEFAULT_PAGE_SIZE,
  type ManagerOptions,
} from './manager-options-context.js';
export { sessionContext } from './session-context.js';
