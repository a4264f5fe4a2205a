// Starts the local internet with the demo site (and any extra host folders given), prints the proxy address.
// Usage: npx tsx sites/serve.ts [extra-roots…]
import { startInternet } from './internet.ts';
import { DEMO_ROOT, DEMO_URL, demoRoutes } from './routes.ts';

const internet = await startInternet({ roots: [DEMO_ROOT, ...process.argv.slice(2)], routes: demoRoutes });
console.log(`local internet: proxy ${internet.proxyUrl} — demo site ${DEMO_URL}`);
process.on('SIGINT', () => void internet.close().then(() => process.exit(0)));
