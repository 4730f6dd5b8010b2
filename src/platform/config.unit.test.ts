import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REAL_HOSTS } from './config.ts';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('defaults to embedded PGlite and the real Loket and Yuki hosts', () => {
    const config = loadConfig({ APP_MASTER_KEY: key }, 'production');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.port).toBe(3000);
    expect(config.loket.production.apiUrl).toBe(REAL_HOSTS.loketApiUrl);
    expect(config.loket.acceptance.oauthUrl).toBe(REAL_HOSTS.loketAccOauthUrl);
    expect(config.yukiApiUrl).toBe(REAL_HOSTS.yukiApiUrl);
    expect(config.operatorEmail).toBe('administratie@yuki.nl');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad value on its own line', () => {
    const bad = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOKET_API_URL: 'ftp://x',
      APP_MASTER_KEY: 'short',
    };
    try {
      loadConfig(bad, 'production');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.some((line) => line.startsWith('PORT:'))).toBe(true);
      expect(problems.some((line) => line.startsWith('DATABASE_URL:'))).toBe(true);
      expect(problems.some((line) => line.startsWith('APP_MASTER_KEY:'))).toBe(true);
    }
  });

  it('refuses to start in production without a master key, but not in demo mode', () => {
    expect(() => loadConfig({}, 'production')).toThrow(/APP_MASTER_KEY: required/);
    expect(loadConfig({}, 'demo').masterKey).toBeUndefined();
  });

  it('strips trailing slashes so paths join cleanly', () => {
    const config = loadConfig({ APP_MASTER_KEY: key, YUKI_API_URL: 'http://127.0.0.1:9000/' }, 'production');
    expect(config.yukiApiUrl).toBe('http://127.0.0.1:9000');
  });

  it('caps a Loket JSON answer at 32 MB unless LOKET_MAX_RESPONSE_MB says otherwise', () => {
    expect(loadConfig({ APP_MASTER_KEY: key }, 'production').loket.maxJsonBytes).toBe(32 * 1_048_576);
    const config = loadConfig({ APP_MASTER_KEY: key, LOKET_MAX_RESPONSE_MB: '0.5' }, 'production');
    expect(config.loket.maxJsonBytes).toBe(524_288);
    expect(() => loadConfig({ APP_MASTER_KEY: key, LOKET_MAX_RESPONSE_MB: '0' }, 'production')).toThrow(
      /LOKET_MAX_RESPONSE_MB/,
    );
  });

  it('trusts no proxy and takes bodies up to 1 MB unless told otherwise', () => {
    const config = loadConfig({ APP_MASTER_KEY: key }, 'production');
    expect(config.trustedProxies).toEqual([]);
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    const told = loadConfig(
      { APP_MASTER_KEY: key, TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8', MAX_BODY_BYTES: '65536' },
      'production',
    );
    expect(told.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(told.maxBodyBytes).toBe(65536);
  });

  it.each(['10.0.0.0/33', 'proxy.local', '10.0.0/8', '::1/129', '1.2.3.4/8/1'])(
    'refuses TRUSTED_PROXIES=%s',
    (value) => {
      expect(() => loadConfig({ APP_MASTER_KEY: key, TRUSTED_PROXIES: value }, 'production')).toThrow(
        /TRUSTED_PROXIES/,
      );
    },
  );
});
