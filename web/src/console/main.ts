import { Console } from './console';

/** The console talks to the API and the gateway on the origin that served it. */
new Console(location.origin, document.getElementById('app')!).start();
