// One self-signed certificate for every host of the local internet (browsers are told to accept it: tests only).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cached: { key: Buffer; cert: Buffer } | undefined;

export function selfSignedCert(): { key: Buffer; cert: Buffer } {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'candor-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=candor-local-internet', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
  } catch {
    throw new Error('openssl is needed to make the local test certificate: apt-get install -y openssl');
  }
  if (!existsSync(cert)) throw new Error('openssl did not write a certificate');
  cached = { key: readFileSync(key), cert: readFileSync(cert) };
  return cached;
}
