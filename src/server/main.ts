// Starts Lots: database (embedded or DATABASE_URL), migrations, demo seed, HTTP server.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './app.ts';

export async function main(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const opened = await openDatabase(config);
  const app = await buildApp(config, opened.db);
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log([
    '',
    `  Lots körs på ${config.publicUrl}  (startade på ${seconds} s)`,
    `  Databas: ${opened.db.embedded ? `inbäddad PostgreSQL i ${config.dataDir}` : 'DATABASE_URL'}` +
      `${opened.applied.length ? `, ${opened.applied.length} migrering(ar) körda` : ''}${opened.seeded ? ', demokommunen skapad' : ''}`,
    config.oidc.bundledTestIdp
      ? '  Logga in: öppna adressen och välj en person på testinloggningen (Test-BankID / test-SITHS).'
      : `  Inloggning via ${config.oidc.issuer}`,
    '',
  ].join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stänger`);
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
