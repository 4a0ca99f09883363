/**
 * Where the demo organisation works: offices with their IANA zone, meeting rooms (with the
 * capacity that caps a session's seats) and the mix of name origins of the people there.
 */
import type { Culture } from './names.js';

export interface Room {
  name: string;
  capacity: number;
}

export interface Office {
  /** Shown as a person's location: "Amsterdam", "Remote (Berlin)". */
  name: string;
  timeZone: string;
  /** Remote people host online sessions only. */
  remote: boolean;
  rooms: readonly Room[];
  cultures: readonly (readonly [Culture, number])[];
}

export type OfficeKey = 'ams' | 'lon' | 'nyc' | 'sfo' | 'blr' | 'tyo' | 'sao' | 'ber' | 'yyz' | 'nbo';

export const OFFICES: Record<OfficeKey, Office> = {
  ams: {
    name: 'Amsterdam',
    timeZone: 'Europe/Amsterdam',
    remote: false,
    rooms: [
      { name: 'Room Dijkstra (2nd floor)', capacity: 10 },
      { name: 'Room Turing (4th floor)', capacity: 16 },
      { name: 'Room Hopper (4th floor)', capacity: 24 },
      { name: 'Room Lovelace (5th floor)', capacity: 40 },
      { name: 'The Atrium (ground floor)', capacity: 120 },
    ],
    cultures: [
      ['dutch', 8],
      ['german', 2],
      ['turkish', 2],
      ['polish', 2],
      ['british', 1],
      ['indian', 2],
      ['hispanic', 1],
      ['arabic', 1],
      ['chinese', 1],
    ],
  },
  lon: {
    name: 'London',
    timeZone: 'Europe/London',
    remote: false,
    rooms: [
      { name: 'Babbage (2nd floor)', capacity: 12 },
      { name: 'Franklin (3rd floor)', capacity: 20 },
      { name: 'Faraday (3rd floor)', capacity: 30 },
      { name: 'Town Hall (ground floor)', capacity: 90 },
    ],
    cultures: [
      ['british', 8],
      ['indian', 3],
      ['nigerian', 3],
      ['polish', 1],
      ['chinese', 1],
      ['arabic', 1],
    ],
  },
  nyc: {
    name: 'New York',
    timeZone: 'America/New_York',
    remote: false,
    rooms: [
      { name: 'Room Liskov (12th floor)', capacity: 14 },
      { name: 'Room Hamilton (12th floor)', capacity: 24 },
      { name: 'Room Johnson (14th floor)', capacity: 36 },
      { name: 'Commons (14th floor)', capacity: 80 },
    ],
    cultures: [
      ['american', 8],
      ['hispanic', 3],
      ['chinese', 2],
      ['korean', 1],
      ['indian', 2],
      ['nigerian', 1],
    ],
  },
  sfo: {
    name: 'San Francisco',
    timeZone: 'America/Los_Angeles',
    remote: false,
    rooms: [
      { name: 'Room Knuth (3rd floor)', capacity: 12 },
      { name: 'Room Engelbart (3rd floor)', capacity: 20 },
      { name: 'Room Hamming (4th floor)', capacity: 32 },
      { name: 'Kitchen Stage (ground floor)', capacity: 70 },
    ],
    cultures: [
      ['american', 6],
      ['chinese', 3],
      ['indian', 3],
      ['korean', 1],
      ['vietnamese', 2],
      ['hispanic', 2],
    ],
  },
  blr: {
    name: 'Bangalore',
    timeZone: 'Asia/Kolkata',
    remote: false,
    rooms: [
      { name: 'Room Ramanujan (5th floor)', capacity: 16 },
      { name: 'Room Raman (5th floor)', capacity: 24 },
      { name: 'Room Bose (6th floor)', capacity: 40 },
      { name: 'Amphitheatre (ground floor)', capacity: 100 },
    ],
    cultures: [['indian', 1]],
  },
  tyo: {
    name: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    remote: false,
    rooms: [
      { name: 'Room Seki (8F)', capacity: 10 },
      { name: 'Room Yukawa (8F)', capacity: 18 },
      { name: 'Room Noguchi (9F)', capacity: 30 },
      { name: 'Hall (9F)', capacity: 60 },
    ],
    cultures: [
      ['japanese', 10],
      ['korean', 1],
      ['chinese', 1],
      ['american', 1],
    ],
  },
  sao: {
    name: 'São Paulo',
    timeZone: 'America/Sao_Paulo',
    remote: false,
    rooms: [
      { name: 'Sala Santos Dumont (6º andar)', capacity: 12 },
      { name: 'Sala Bertha Lutz (6º andar)', capacity: 20 },
      { name: 'Sala Carlos Chagas (7º andar)', capacity: 32 },
      { name: 'Auditório (térreo)', capacity: 80 },
    ],
    cultures: [
      ['brazilian', 9],
      ['japanese', 1],
      ['hispanic', 1],
    ],
  },
  ber: {
    name: 'Remote (Berlin)',
    timeZone: 'Europe/Berlin',
    remote: true,
    rooms: [],
    cultures: [
      ['german', 4],
      ['polish', 1],
      ['turkish', 1],
      ['arabic', 1],
    ],
  },
  yyz: {
    name: 'Remote (Toronto)',
    timeZone: 'America/Toronto',
    remote: true,
    rooms: [],
    cultures: [
      ['american', 2],
      ['chinese', 1],
      ['indian', 1],
      ['vietnamese', 1],
      ['british', 1],
    ],
  },
  nbo: {
    name: 'Remote (Nairobi)',
    timeZone: 'Africa/Nairobi',
    remote: true,
    rooms: [],
    cultures: [['east_west_african', 1]],
  },
};
