import { describe, expect, it } from 'vitest';
import { isPublicUrl, publicUrlIssue } from '../../worker/lib/public-url';

describe('publicUrlIssue', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10/', 'loopback /8'],
    ['http://2130706433/', 'loopback as one decimal number'],
    ['http://0x7f.1/', 'loopback in hex, short form'],
    ['http://0177.0.0.1/', 'loopback in octal'],
    ['http://0x7f000001/', 'loopback as one hex number'],
    ['http://10.1.2.3/', 'private 10/8'],
    ['http://172.16.0.1/', 'private 172.16/12'],
    ['http://172.31.255.255/', 'private 172.16/12, last'],
    ['http://192.168.1.1/', 'private 192.168/16'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://100.64.0.1/', 'CGNAT 100.64/10'],
    ['http://100.127.255.254/', 'CGNAT, last'],
    ['http://0.0.0.0/', 'this network'],
    ['http://0/', 'zero as one number'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://198.18.0.1/', 'benchmarking'],
    ['http://192.0.2.1/', 'documentation'],
    ['http://[::1]/', 'IPv6 loopback'],
    ['http://[::]/', 'IPv6 unspecified'],
    ['http://[fc00::1]/', 'IPv6 unique local'],
    ['http://[fd12:3456::1]/', 'IPv6 unique local fd'],
    ['http://[fe80::1]/', 'IPv6 link-local'],
    ['http://[ff02::1]/', 'IPv6 multicast'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
    ['http://[::ffff:10.0.0.1]/', 'IPv4-mapped private'],
    ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped metadata'],
    ['http://[::127.0.0.1]/', 'IPv4-compatible loopback'],
    ['http://[64:ff9b::7f00:1]/', 'NAT64 of loopback'],
    ['http://[2001:db8::1]/', 'IPv6 documentation'],
    ['http://[2002:7f00:1::]/', '6to4 of loopback'],
    ['http://localhost/', 'localhost'],
    ['http://LOCALHOST./', 'localhost, upper case with a dot'],
    ['http://api.localhost/', '*.localhost'],
    ['http://printer.local/', '*.local'],
    ['http://metadata.google.internal/', '*.internal'],
    ['http://intranet/', 'a single label'],
    ['https://news.example.com:8443/', 'a port that is not the default'],
    ['http://news.example.com:22/', 'an SSH port'],
    ['https://user:pass@news.example.com/', 'userinfo'],
    ['https://user@news.example.com/', 'a user name'],
    ['ftp://news.example.com/', 'not http(s)'],
    ['file:///etc/passwd', 'a file'],
    ['javascript:alert(1)', 'script'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (href) => {
    expect(publicUrlIssue(href)).toEqual(expect.any(String));
    expect(isPublicUrl(href)).toBe(false);
  });

  it.each(['https://news.example.com/article', 'http://news.example.com:80/a', 'https://news.example.com:443/a', 'https://93.184.215.14/', 'https://[2606:4700::6810:84e5]/', 'https://100.128.0.1/', 'https://172.32.0.1/'])(
    'accepts the public address %s',
    (href) => {
      expect(publicUrlIssue(href)).toBeUndefined();
    },
  );
});
