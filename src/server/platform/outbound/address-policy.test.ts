import { describe, expect, it } from 'vitest';
import { createAddressPolicy, invalidNetwork } from './address-policy.js';

const policy = createAddressPolicy();

describe('the outbound address policy', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.3.4', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['169.254.169.254', 'a link-local address (where cloud metadata services live)'],
    ['fe80::1', 'a link-local address (where cloud metadata services live)'],
    ['fd00::1', 'a unique local (private) IPv6 address'],
    ['fd00:ec2::254', 'a unique local (private) IPv6 address'],
    ['224.0.0.1', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['255.255.255.255', 'the broadcast address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.10', 'a reserved address'],
    // IPv6 forms that lead to an internal IPv4 address.
    ['::127.0.0.1', 'a loopback address'],
    ['::7f00:1', 'an IPv6 form of 127.0.0.1, a loopback address'],
    ['::ffff:0:a00:5', 'an IPv6 form of 10.0.0.5, a private address'],
    ['64:ff9b::a9fe:a9fe', 'an IPv6 form of 169.254.169.254, a link-local address (where cloud metadata services live)'],
    ['2002:7f00:1::1', 'an IPv6 form of 127.0.0.1, a loopback address'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'an IPv6 form of 10.0.0.1, a private address'],
  ])('refuses %s: %s', (address, reason) => {
    expect(policy.refusal(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.215.14', '64:ff9b::5db8:d70e', '2002:5db8:d70e::1'])(
    'allows the public address %s',
    (address) => {
      expect(policy.refusal(address)).toBeUndefined();
    },
  );

  it('allows the networks an operator lists, and only those', () => {
    const onPremise = createAddressPolicy(['10.20.0.0/16', '127.0.0.1/32', 'fd00:1::/32']);
    expect(onPremise.refusal('10.20.3.4')).toBeUndefined();
    expect(onPremise.refusal('::ffff:10.20.3.4')).toBeUndefined();
    expect(onPremise.refusal('127.0.0.1')).toBeUndefined();
    expect(onPremise.refusal('fd00:1::8')).toBeUndefined();
    expect(onPremise.refusal('10.21.0.1')).toBe('a private address');
    expect(onPremise.refusal('127.0.0.2')).toBe('a loopback address');
    expect(onPremise.refusal('169.254.169.254')).toMatch(/^a link-local address/);
    expect(onPremise.refusal('fd00:2::8')).toBe('a unique local (private) IPv6 address');
  });

  it('names the first entry of a network list that is not a CIDR', () => {
    expect(invalidNetwork(['10.0.0.0/8', 'fd00::/8'])).toBeUndefined();
    expect(invalidNetwork(['10.0.0.0/8', '10.0.0/8'])).toBe('10.0.0/8');
    expect(invalidNetwork(['10.0.0.1'])).toBe('10.0.0.1');
  });
});
