// The embedding in a few lines: register the elements, make an SDK client, hand it to <ld-provider>.
import '@licensedesk/web-components/define';
import { createLicenseServerClient } from '@licensedesk/sdk';

const provider = document.querySelector('#provider');
document.querySelector('#about').buildInfo = { name: 'Acme intranet licensing page', version: '1.0.0' };
const login = document.querySelector('#login');
const serverInput = document.querySelector('#server');

function connect(server) {
  // The token stays in memory; a portal could pass its own tokenStore (e.g. sessionStorage).
  provider.client = createLicenseServerClient({ server });
  login.hidden = true;
}

// A 401 anywhere inside shows the login form; a login hides it again. The elements' events bubble
// out of their shadow roots, so the page listens in one place and reads only `event.detail`.
provider.addEventListener('ld-login-required', () => {
  login.hidden = false;
});
provider.addEventListener('ld-login', (event) => {
  login.hidden = true;
  console.info(`Logged in as ${event.detail.user} (${event.detail.roles.join(', ')})`);
});
provider.addEventListener('ld-properties-save', (event) => {
  console.info('Saved properties', event.detail.changes);
});

document.querySelector('#connect').addEventListener('submit', (event) => {
  event.preventDefault();
  connect(serverInput.value);
});
document.querySelector('#dark').addEventListener('change', (event) => {
  document.documentElement.classList.toggle('ld-theme-dark', event.target.checked);
});

const fromQuery = new URLSearchParams(location.search).get('server');
if (fromQuery) {
  serverInput.value = fromQuery;
  connect(fromQuery);
}
