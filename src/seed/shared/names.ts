/**
 * Name pools by cultural origin, for the demo organisation (the organization-sized data set adds
 * more names to each, see org/org-names.ts). A person takes a first and a last name from the same
 * pool, so names read naturally; offices mix pools (see places.ts).
 */
import type { Random } from './random.js';
import { emailPart } from './text.js';

export type Culture =
  | 'dutch'
  | 'british'
  | 'american'
  | 'indian'
  | 'japanese'
  | 'brazilian'
  | 'nigerian'
  | 'chinese'
  | 'polish'
  | 'hispanic'
  | 'german'
  | 'korean'
  | 'turkish'
  | 'arabic'
  | 'vietnamese'
  | 'east_west_african';

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS: Record<Culture, NamePool> = {
  dutch: {
    first: [
      'Sanne',
      'Daan',
      'Lotte',
      'Bram',
      'Fleur',
      'Joris',
      'Eva',
      'Ruben',
      'Anouk',
      'Thijs',
      'Femke',
      'Sven',
      'Noor',
      'Jeroen',
      'Maartje',
      'Wouter',
    ],
    last: [
      'de Vries',
      'Jansen',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      'van Dijk',
      'Vermeulen',
      'Hendriks',
      'van den Berg',
      'Kok',
      'Dekker',
    ],
  },
  british: {
    first: [
      'Oliver',
      'Amelia',
      'Harry',
      'Charlotte',
      'George',
      'Isla',
      'James',
      'Sophie',
      'Thomas',
      'Eleanor',
      'William',
      'Grace',
      'Rhys',
      'Niamh',
      'Callum',
      'Freya',
    ],
    last: [
      'Clarke',
      'Hughes',
      'Wright',
      'Walker',
      'Evans',
      'Turner',
      'Cooper',
      'Hall',
      'Morgan',
      'Bennett',
      'Fletcher',
      'Griffiths',
      "O'Brien",
      'MacLeod',
    ],
  },
  american: {
    first: [
      'Emily',
      'Michael',
      'Jessica',
      'Tyler',
      'Ashley',
      'Brandon',
      'Megan',
      'Kyle',
      'Lauren',
      'Jordan',
      'Rachel',
      'Marcus',
      'Kayla',
      'Dylan',
      'Brianna',
      'Andre',
    ],
    last: [
      'Johnson',
      'Miller',
      'Davis',
      'Anderson',
      'Thompson',
      'Carter',
      'Brooks',
      'Sullivan',
      'Reed',
      'Hayes',
      'Foster',
      'Coleman',
      'Price',
      'Bailey',
      'Washington',
    ],
  },
  indian: {
    first: [
      'Aarav',
      'Priya',
      'Rohan',
      'Ananya',
      'Vikram',
      'Kavya',
      'Arjun',
      'Divya',
      'Karthik',
      'Meera',
      'Siddharth',
      'Nisha',
      'Rahul',
      'Lakshmi',
      'Aditya',
      'Shreya',
    ],
    last: [
      'Sharma',
      'Iyer',
      'Reddy',
      'Nair',
      'Patel',
      'Gupta',
      'Menon',
      'Rao',
      'Krishnan',
      'Kulkarni',
      'Banerjee',
      'Desai',
      'Pillai',
      'Joshi',
      'Chatterjee',
      'Venkatesh',
    ],
  },
  japanese: {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Yuto', 'Sakura', 'Kenji', 'Mei', 'Daiki', 'Rin', 'Takumi', 'Emi'],
    last: [
      'Sato',
      'Suzuki',
      'Takahashi',
      'Tanaka',
      'Watanabe',
      'Ito',
      'Yamamoto',
      'Nakamura',
      'Kobayashi',
      'Kato',
      'Yoshida',
      'Yamada',
      'Matsumoto',
      'Inoue',
    ],
  },
  brazilian: {
    first: [
      'João',
      'Ana',
      'Lucas',
      'Beatriz',
      'Gabriel',
      'Mariana',
      'Rafael',
      'Larissa',
      'Thiago',
      'Camila',
      'Felipe',
      'Juliana',
      'Gustavo',
      'Letícia',
    ],
    last: [
      'Silva',
      'Santos',
      'Oliveira',
      'Souza',
      'Pereira',
      'Costa',
      'Ribeiro',
      'Almeida',
      'Carvalho',
      'Ferreira',
      'Rodrigues',
      'Gomes',
      'Barbosa',
      'Araújo',
    ],
  },
  nigerian: {
    first: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Amaka', 'Emeka', 'Funmilayo', 'Tunde', 'Chiamaka', 'Ifeanyi', 'Adaeze', 'Segun', 'Yetunde'],
    last: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Obi', 'Ogunleye', 'Chukwu', 'Afolabi', 'Olawale'],
  },
  chinese: {
    first: ['Wei', 'Jing', 'Hao', 'Xinyi', 'Lei', 'Yuxuan', 'Zihan', 'Jiayi', 'Ming', 'Ruoxi', 'Tao', 'Yifan'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Lin'],
  },
  polish: {
    first: [
      'Katarzyna',
      'Piotr',
      'Agnieszka',
      'Tomasz',
      'Magdalena',
      'Paweł',
      'Zofia',
      'Michał',
      'Aleksandra',
      'Krzysztof',
      'Joanna',
      'Łukasz',
    ],
    last: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Dudek', 'Wieczorek', 'Pawlak', 'Michalak', 'Sikora'],
  },
  hispanic: {
    first: [
      'Sofía',
      'Diego',
      'Valentina',
      'Mateo',
      'Lucía',
      'Alejandro',
      'Camila',
      'Javier',
      'Isabel',
      'Carlos',
      'Elena',
      'Andrés',
      'Ximena',
      'Pablo',
    ],
    last: [
      'García',
      'Hernández',
      'López',
      'Martínez',
      'González',
      'Ramírez',
      'Torres',
      'Flores',
      'Morales',
      'Castillo',
      'Romero',
      'Vargas',
      'Delgado',
      'Navarro',
    ],
  },
  german: {
    first: ['Lukas', 'Hannah', 'Felix', 'Lea', 'Jonas', 'Marie', 'Tobias', 'Katharina', 'Niklas', 'Julia', 'Moritz', 'Anna'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Wolf', 'Braun'],
  },
  korean: {
    first: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Su-bin', 'Jae-won', 'Yuna', 'Hyun-woo', 'Ji-woo'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Han', 'Shin'],
  },
  turkish: {
    first: ['Elif', 'Emre', 'Zeynep', 'Burak', 'Ayşe', 'Mehmet', 'Defne', 'Can', 'Selin', 'Kerem'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç'],
  },
  arabic: {
    first: ['Omar', 'Layla', 'Youssef', 'Amira', 'Karim', 'Nour', 'Tariq', 'Yasmin', 'Hassan', 'Salma', 'Rami', 'Dina'],
    last: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Hamdan', 'El-Amin', 'Farouk', 'Suleiman'],
  },
  vietnamese: {
    first: ['Linh', 'Minh', 'Thu', 'Quang', 'Lan', 'Duc', 'Trang', 'Huy', 'Mai', 'Khoa'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  east_west_african: {
    first: ['Kofi', 'Ama', 'Kwame', 'Akosua', 'Wanjiru', 'Njeri', 'Baraka', 'Amani', 'Yaw', 'Esi', 'Achieng', 'Kipchoge'],
    last: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Kamau', 'Mwangi', 'Otieno', 'Wekesa', 'Ndungu', 'Appiah'],
  },
};

export const ALL_CULTURES = Object.keys(NAME_POOLS) as Culture[];

/**
 * A first + last name from one origin (mostly the office's local mix, sometimes any origin), with
 * the "first.last" part of an email address made of it.
 */
export function randomName(
  random: Random,
  localMix: readonly (readonly [Culture, number])[],
  pools: Record<Culture, NamePool>,
): { name: string; emailLocal: string } {
  const culture = random.chance(0.15) ? random.pick(ALL_CULTURES) : random.weighted(localMix);
  const pool = pools[culture];
  const first = random.pick(pool.first);
  const last = random.pick(pool.last);
  const german = culture === 'german';
  return { name: `${first} ${last}`, emailLocal: `${emailPart(first, german)}.${emailPart(last, german)}` };
}
