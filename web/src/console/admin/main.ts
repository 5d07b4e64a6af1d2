import { AdminConsole } from './admin';

/** The admin screens talk to the API on the origin that served them. */
new AdminConsole(location.origin, document.getElementById('app')!).start();
