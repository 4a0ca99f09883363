/**
 * Names for 20,000 people: the demo's pools (shared/names.ts) plus more names of each origin, so
 * an organization this size has a few namesakes (as real ones do) rather than seven of everyone.
 */
import { type Culture, NAME_POOLS, type NamePool } from '../shared/names.js';

const MORE: Record<Culture, NamePool> = {
  dutch: {
    first: ['Lieke', 'Tim', 'Iris', 'Niels', 'Marloes', 'Koen', 'Esther', 'Pieter', 'Roos', 'Stijn', 'Merel', 'Bas', 'Ilse', 'Maarten'],
    last: ['Bos', 'Vos', 'Peters', 'Willems', 'van Leeuwen', 'de Groot', 'Brouwer', 'de Wit', 'Dijkstra', 'Koster', 'Prins', 'Huisman'],
  },
  british: {
    first: ['Harriet', 'Alfie', 'Imogen', 'Ewan', 'Phoebe', 'Lewis', 'Poppy', 'Jack', 'Hannah', 'Owen', 'Lucy', 'Finn', 'Martha', 'Oscar'],
    last: ['Wood', 'Walsh', 'Marsh', 'Harper', 'Kendall', 'Booth', 'Shaw', 'Lloyd', 'Pearce', 'Chapman', 'Holt', 'Ashworth'],
  },
  american: {
    first: ['Madison', 'Kevin', 'Justin', 'Brittany', 'Derek', 'Kelsey', 'Austin', 'Hailey', 'Trevor', 'Morgan', 'Caleb', 'Jenna', 'Logan'],
    last: ['Mitchell', 'Parker', 'Collins', 'Griffin', 'Russell', 'Hughes', 'Jenkins', 'Perry', 'Powell', 'Long', 'Butler', 'Simmons'],
  },
  indian: {
    first: ['Sneha', 'Pooja', 'Varun', 'Harsha', 'Deepak', 'Anjali', 'Nikhil', 'Ritu', 'Sanjay', 'Swati', 'Manish', 'Tanvi', 'Gaurav'],
    last: ['Bhat', 'Deshpande', 'Mehta', 'Agarwal', 'Srinivasan', 'Hegde', 'Shetty', 'Mishra', 'Verma', 'Chandra', 'Subramanian', 'Das'],
  },
  japanese: {
    first: ['Kaito', 'Mio', 'Riku', 'Nanami', 'Yusuke', 'Ayaka', 'Shota', 'Misaki', 'Kazuki', 'Haruka'],
    last: ['Sasaki', 'Yamaguchi', 'Kimura', 'Hayashi', 'Shimizu', 'Mori', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa'],
  },
  brazilian: {
    first: ['Matheus', 'Fernanda', 'Bruno', 'Isabela', 'Rodrigo', 'Vitória', 'Caio', 'Bianca', 'Eduardo', 'Natália'],
    last: ['Lima', 'Nascimento', 'Martins', 'Rocha', 'Dias', 'Moreira', 'Cardoso', 'Teixeira', 'Correia', 'Mendes'],
  },
  nigerian: {
    first: ['Obinna', 'Chioma', 'Babatunde', 'Nneka', 'Uche', 'Temitope', 'Kelechi', 'Folake', 'Dayo', 'Ebere'],
    last: ['Okeke', 'Adewale', 'Nnamdi', 'Oyelaran', 'Uzoma', 'Akande', 'Ibekwe', 'Ogundipe', 'Anyanwu', 'Bello'],
  },
  chinese: {
    first: ['Jun', 'Xiaoling', 'Mei', 'Yan', 'Chen', 'Qiang', 'Hui', 'Bo', 'Yue', 'Fang'],
    last: ['Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Luo', 'Zheng', 'Liang'],
  },
  polish: {
    first: ['Marta', 'Jakub', 'Karolina', 'Bartosz', 'Natalia', 'Marcin', 'Ewa', 'Wojciech', 'Monika', 'Adam'],
    last: [
      'Kowalski',
      'Wiśniewski',
      'Kamiński',
      'Lewandowski',
      'Zieliński',
      'Szymański',
      'Dąbrowski',
      'Kozłowski',
      'Jankowski',
      'Grabowski',
    ],
  },
  hispanic: {
    first: ['Santiago', 'Paula', 'Martín', 'Daniela', 'Sebastián', 'Carmen', 'Adrián', 'Gabriela', 'Manuel', 'Natalia'],
    last: ['Rodríguez', 'Pérez', 'Sánchez', 'Ruiz', 'Jiménez', 'Moreno', 'Muñoz', 'Álvarez', 'Ortiz', 'Medina'],
  },
  german: {
    first: ['Maximilian', 'Laura', 'Paul', 'Sophie', 'Florian', 'Lena', 'Sebastian', 'Clara', 'Jan', 'Johanna'],
    last: ['Meyer', 'Wagner', 'Schäfer', 'Bauer', 'Klein', 'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hartmann'],
  },
  korean: {
    first: ['Seo-jun', 'Ye-jin', 'Dong-hyun', 'Min-seo', 'Sung-min', 'Eun-ji', 'Tae-yang', 'Hye-jin'],
    last: ['Lim', 'Oh', 'Seo', 'Kwon', 'Hwang', 'Song', 'Jeon', 'Ahn'],
  },
  turkish: {
    first: ['Mert', 'Ece', 'Onur', 'Deniz', 'Baran', 'Ebru', 'Serkan', 'Gizem'],
    last: ['Yıldız', 'Özdemir', 'Aksoy', 'Polat', 'Erdoğan', 'Kurt', 'Güneş', 'Tekin'],
  },
  arabic: {
    first: ['Khaled', 'Mariam', 'Ziad', 'Hana', 'Fadi', 'Rania', 'Samir', 'Lina'],
    last: ['Ibrahim', 'Habib', 'Qasim', 'Darwish', 'Rahman', 'Sabbagh', 'Najjar', 'Yousef'],
  },
  vietnamese: {
    first: ['Anh', 'Bao', 'Hoa', 'Long', 'Ngoc', 'Phuong', 'Tuan', 'Vy'],
    last: ['Phan', 'Vo', 'Dinh', 'Truong', 'Ly', 'Duong', 'Ha', 'Cao'],
  },
  east_west_african: {
    first: ['Zawadi', 'Juma', 'Akinyi', 'Otieno', 'Abena', 'Kojo', 'Nia', 'Jabari', 'Imani', 'Kwabena'],
    last: ['Ochieng', 'Kariuki', 'Wambui', 'Kiprono', 'Njoroge', 'Mutua', 'Onyango', 'Chebet', 'Darko', 'Osei'],
  },
};

const merged = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export const ORG_NAME_POOLS: Record<Culture, NamePool> = Object.fromEntries(
  (Object.keys(NAME_POOLS) as Culture[]).map((culture) => [
    culture,
    { first: merged(NAME_POOLS[culture].first, MORE[culture].first), last: merged(NAME_POOLS[culture].last, MORE[culture].last) },
  ]),
) as unknown as Record<Culture, NamePool>;
