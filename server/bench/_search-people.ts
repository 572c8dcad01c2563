// The search bench's attendees: many distinct names with a skewed (Zipf-like) frequency, as on a
// real attendee list. Real common names take the top ranks; a character model trained on them
// invents the long tail of rarer names, so the tail shares letters and trigrams the way real rare
// names do instead of being built from a few fixed syllables.

const SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
  Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
  Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
  Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Müller Schmidt Schneider
  Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder Neumann Schwarz
  Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Rossi Russo
  Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini
  Lombardi Moretti Barbieri Fontana Santoro Dubois Bernard Durand Leroy Moreau Simon Laurent Lefebvre
  Michel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Faure André Mercier
  Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Perrin Robin Clément Morin Nicolas
  Henry Roussel Mathieu Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
  Szymański Woźniak Dąbrowski Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák
  Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Johansson Karlsson
  Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Lindberg Lindqvist
  Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Murphy
  Kelly Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill Doyle McCarthy Gallagher Kennedy Lynch
  Murray Quinn Moore McLaughlin Carroll Connolly Daly Silva Santos Ferreira Pereira Oliveira Costa
  Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto
  Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Neves Coelho
  Cruz Cunha Pires Ramos Reis Simões Antunes Matos Fonseca Machado Araújo Barbosa Tavares Lourenço
  Castro Jimenez Moreno Muñoz Alonso Gutierrez Romero Navarro Dominguez Gil Vazquez Serrano Blanco
  Molina Morales Suarez Ortega Delgado Castillo Ortiz Rubio Marin Sanz Iglesias Medina Garrido
  Cortes Santana Guerrero Lozano Cano Prieto Mendez Calvo Vega Vidal Cabrera Herrera Kim Park Choi
  Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Wang Li Zhang Liu Chen
  Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Feng Deng Cao
  Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
  Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa
  Patel Singh Sharma Kumar Gupta Shah Mehta Joshi Desai Reddy Iyer Rao Nair Menon Pillai Chopra
  Kapoor Malhotra Bose Banerjee Chatterjee Mukherjee Das Ghosh Sen Dutta Tran Le Pham Hoang Phan
  Vu Vo Dang Bui Do Ho Ngo Duong Ly Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov
  Novikov Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev
  Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan
  Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Okafor Adeyemi Okonkwo Mensah Owusu Boateng
  Kamau Mwangi Otieno Ochieng Abubakar Bello Ibrahim Mohamed Ahmed Hassan Ali Hussein Mahmoud
  Khalil Haddad Nasser Saleh Mansour Jansen Bakker Janssen Visser Smit Meijer Mulder Bos Vos
  Peters Hendriks Dekker Brouwer`;

const FIRST_NAMES = `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William
  Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
  Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna
  Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald
  Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas
  Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon
  Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick
  Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie
  Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina
  Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah
  Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa Austin Ann Carl Sara Arthur Madison
  Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail Billy Alice Joe Julia Bruce
  Judy Gabriel Sophia Logan Grace Albert Denise Willie Amber Alan Doris Juan Marilyn Wayne Danielle
  Elijah Beverly Randy Isabella Roy Theresa Vincent Diana Ralph Natalie Eugene Brittany Russell
  Charlotte Bobby Marie Mason Kayla Philip Alexis Louis Lori Lukas Leon Finn Jonas Paul Felix
  Maximilian Luca Sophie Marie Mia Emilia Lena Hannah Anna Lea Laura Giulia Francesco Alessandro
  Lorenzo Matteo Leonardo Chiara Sofia Aurora Martina Léa Chloé Manon Camille Inès Louis Gabriel
  Raphaël Arthur Hugo Jules Zoë Jakub Kacper Szymon Zuzanna Julia Maja Oliwia Lars Erik Nils Sven
  Astrid Ingrid Sigrid Freja Saga Elias Aino Eero Onni Siobhán Aoife Ciarán Seán Niamh Oisín João
  Pedro Tiago Beatriz Inês Mariana Lucía Sofía Martín Alejandro Pablo Álvaro Carmen Javier Pilar
  Min-jun Seo-yeon Ji-woo Ha-eun Jun Wei Fang Xiu Ying Hao Yu Lei Jing Hiroshi Yuki Haruto Sakura
  Yui Ren Aarav Vivaan Aditya Ananya Diya Priya Arjun Rohan Ishaan Kavya Meera Anh Minh Linh Thao
  Duc Huy Dmitri Ivan Sergei Olga Natalia Tatiana Alexei Mehmet Mustafa Ayşe Fatma Elif Emre Yosef
  Noa Tamar Chinedu Ngozi Kwame Ama Kofi Amara Wanjiru Omar Fatima Aisha Yusuf Layla Karim Leila`;

const words = (list: string) => [...new Set(list.split(/\s+/).filter(Boolean))];

/** Same seed, same names: a bench run can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct names, most common first: the real ones in their listed order, then names an
 * order-2 character model of them invents (4–11 letters, none a real one or repeated).
 */
function rankedNames(real: string[], count: number, rnd: () => number): string[] {
  const next = new Map<string, string[]>();
  for (const name of real) {
    const chars = `^^${name.toLowerCase().replace(/[^\p{L}]/gu, '')}$`;
    for (let i = 2; i < chars.length; i++) {
      const key = chars.slice(i - 2, i);
      next.set(key, [...(next.get(key) ?? []), chars[i]!]);
    }
  }
  const names = [...real];
  const seen = new Set(names.map((n) => n.toLowerCase()));
  while (names.length < count) {
    let word = '^^';
    while (!word.endsWith('$') && word.length < 14) {
      const options = next.get(word.slice(-2))!;
      word += options[Math.floor(rnd() * options.length)];
    }
    const name = word.slice(2, -1);
    if (!word.endsWith('$') || name.length < 4 || name.length > 11 || seen.has(name)) continue;
    seen.add(name);
    names.push(name[0]!.toUpperCase() + name.slice(1));
  }
  return names;
}

/** Letters without accents, for email addresses. */
export const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Ranked name lists and the exponents that skew who gets which rank. */
export interface Population {
  firstNames: string[];
  surnames: string[];
  companies: string[];
  /** Zipf exponents: rank r is drawn with weight r^-s. */
  firstNameSkew: number;
  surnameSkew: number;
  companySkew: number;
}

export function population(seed = 42): Population {
  const rnd = random(seed);
  return {
    firstNames: rankedNames(words(FIRST_NAMES), 4_000, rnd),
    surnames: rankedNames(words(SURNAMES), 60_000, rnd),
    // Company domains (name.example) are invented the same way, from surnames.
    companies: rankedNames(words(SURNAMES), 62_000, rnd).slice(60_000).map(ascii),
    firstNameSkew: 0.8,
    surnameSkew: 0.75,
    companySkew: 0.9,
  };
}
