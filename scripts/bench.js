// npm run bench: runs bench/main.ts through tsx (see bench/main.ts for the options).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
