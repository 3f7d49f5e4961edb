import { describe, expect, it } from 'vitest';
import { demoEnabled, listenHost } from './boot.js';
import { loadConfig } from './config.js';

describe('where the server listens', () => {
  it('the default start (demo accounts with their public password) listens on this computer only', () => {
    const config = loadConfig({});
    expect(config.host).toBeUndefined();
    expect(demoEnabled(config)).toBe(true);
    expect(listenHost(config, demoEnabled(config))).toEqual({ host: '127.0.0.1', localOnlyForDemo: true });
  });

  it('HOST opens it up, demo or not', () => {
    const config = loadConfig({ HOST: '0.0.0.0' });
    expect(listenHost(config, true)).toEqual({ host: '0.0.0.0', localOnlyForDemo: false });
    expect(listenHost(loadConfig({ HOST: '10.0.0.5' }), false).host).toBe('10.0.0.5');
  });

  it('without the demo accounts, every interface as before', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.example/chidao' });
    expect(demoEnabled(config)).toBe(false);
    expect(listenHost(config, demoEnabled(config))).toEqual({ host: '0.0.0.0', localOnlyForDemo: false });
    expect(listenHost(loadConfig({ CHIDAO_DEMO: 'off' }), false).host).toBe('0.0.0.0');
  });
});
