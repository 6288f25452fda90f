/**
 * Name pools for synthetic demo patients and referring clinicians: European and US names, written as
 * they are in each language (diacritics, apostrophes, hyphens, particles, gendered surnames).
 * Data only; no real persons are meant.
 */
import type { PrimaryTumor } from '../facts/facts';

export interface NamePool {
  readonly region: string;
  /** Relative share of patients drawn from this pool. */
  readonly weight: number;
  readonly female: readonly string[];
  readonly male: readonly string[];
  /** Family names used for every sex. */
  readonly family: readonly string[];
  /** Gendered forms (Polish -ska, Czech -ová, Icelandic -dóttir, Greek -ou): added for that sex only. */
  readonly familyFemale?: readonly string[];
  readonly familyMale?: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    region: 'US',
    weight: 24,
    female: ['Emily', 'Jessica', 'Ashley', 'Sarah', 'Jennifer', 'Megan', 'Lauren', 'Rachel', 'Linda', 'Patricia',
      'Barbara', 'Susan', 'Karen', 'Nancy', 'Donna', 'Michelle', 'Kimberly', 'Amanda', 'Dolores', 'María',
      'Guadalupe', 'LaToya', 'Keisha', 'Mary-Kate', 'Chloe', 'Betty Jo', 'Renée', 'Zoë'],
    male: ['James', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
      'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Kevin', 'Brian', 'Tyrone',
      'DeShawn', 'Jesús', 'Luis', 'Billy-Joe', 'Dwayne', 'José'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'García', 'Rodríguez',
      'Martínez', 'Hernández', 'López', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin',
      'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
      "O'Connor", "O'Neill", 'McCarthy', 'DiMaggio', 'Nguyen', 'Kowalski', 'Washington', 'Peña', 'Smith-Jones',
      'Johnson-Reyes', 'St. John', 'LaFleur'],
  },
  {
    region: 'UK/IE',
    weight: 10,
    female: ['Siobhán', 'Aoife', 'Niamh', 'Máire', 'Sinéad', 'Eilís', 'Charlotte', 'Olivia', 'Sophie', 'Emma',
      'Fiona', 'Gráinne', 'Caitríona', 'Bronwen', 'Seren'],
    male: ['Seán', 'Pádraig', 'Ciarán', 'Eoin', 'Liam', 'Oliver', 'George', 'Harry', 'Alistair', 'Rhys',
      'Dónal', 'Tomás', 'Gareth', 'Hamish'],
    family: ["O'Brien", "O'Sullivan", "O'Reilly", "O'Donoghue", 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan',
      'Ó Súilleabháin', 'Mac Giolla Phádraig', 'Smith', 'Jones', 'Evans', 'Hughes', 'Davies', 'Wright',
      'Fitzgerald', 'Lloyd-Davies', 'MacDonald', 'Featherstonehaugh', 'Ap Rhys'],
  },
  {
    region: 'DE/AT/CH',
    weight: 10,
    female: ['Jutta', 'Ursula', 'Brigitte', 'Sabine', 'Käthe', 'Bärbel', 'Lena', 'Anja', 'Hannelore', 'Gisela',
      'Anne-Kathrin', 'Lieselotte', 'Grete', 'Jördis', 'Dörte'],
    male: ['Jürgen', 'Günter', 'Klaus', 'Jörg', 'Uwe', 'Hans-Peter', 'Karl-Heinz', 'Lukas', 'Matthias',
      'Wolfgang', 'Dieter', 'Sönke', 'Jens', 'Björn', 'Jörn'],
    family: ['Müller', 'Schröder', 'Weiß', 'Groß', 'Strauß', 'Meißner', 'Köhler', 'Krämer', 'Schäfer',
      'Fuß', 'Jäger', 'Schmitt', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Zimmermann', 'Brückner', 'Löwe',
      'Günther', 'Weißenborn', 'Müller-Brandt', 'von Ahlen', 'Häußler', 'Böhm', 'Nüßlein'],
  },
  {
    region: 'DE-TR',
    weight: 2,
    female: ['Ayşe', 'Fatma', 'Emine', 'Hülya', 'Gülşen', 'Özlem'],
    male: ['Mehmet', 'Mustafa', 'Hüseyin', 'İbrahim', 'Oğuz', 'Çağlar'],
    family: ['Yılmaz', 'Öztürk', 'Şahin', 'Çelik', 'Doğan', 'Aydın', 'Kılıç', 'Güneş'],
  },
  {
    region: 'FR/BE',
    weight: 8,
    female: ['Amélie', 'Céline', 'Élodie', 'Hélène', 'Françoise', 'Geneviève', 'Chloé', 'Inès', 'Léa', 'Maëlle',
      'Anne-Sophie', 'Marie-Claire', 'Noémie', 'Béatrice', 'Agnès'],
    male: ['François', 'Jérôme', 'Stéphane', 'Benoît', 'Loïc', 'Gaël', 'Jean-Luc', 'Jean-François', 'Étienne',
      'Hervé', 'Rémi', 'Grégoire', 'Théo', 'Noël', 'Jacques'],
    family: ['Lefèvre', 'Lefebvre', 'Dupont', 'Moreau', 'Girard', 'Bérenger', 'Lemaître', 'Gauthier', 'Garçon',
      'Besançon', 'Lançon', 'Mercier', 'Rousseau', 'Chevalier', 'Fournier', 'Leclerc', 'Dubois-Laurent',
      'Bénard', 'Lévêque', 'Ménard', "d'Aubigné", 'Fontaine-Mercier', 'Van den Broeck', 'Peeters'],
  },
  {
    region: 'ES',
    weight: 8,
    female: ['María José', 'Lucía', 'Begoña', 'Inmaculada', 'Ainhoa', 'Nuria', 'Mónica', 'Raquel', 'Sofía',
      'Ángela', 'Marta', 'Itziar', 'Rocío', 'Almudena', 'Maite'],
    male: ['José', 'Jesús', 'Íñigo', 'Andrés', 'Joaquín', 'Martín', 'Álvaro', 'Sebastián', 'Rubén', 'Ramón',
      'Germán', 'José Luis', 'Óscar', 'Adrián', 'Iñaki'],
    family: ['Núñez', 'Muñoz', 'Ibáñez', 'Peña', 'Ordóñez', 'Castaño', 'Cañizares', 'Fernández', 'González',
      'Sánchez', 'Martínez', 'Gómez', 'Jiménez', 'Díaz', 'Pérez', 'Álvarez', 'Ruiz', 'Serrano', 'Yáñez',
      'García-Arenal', 'Fernández-Ordóñez', 'de la Cruz', 'Etxeberria'],
  },
  {
    region: 'PT/BR',
    weight: 4,
    female: ['Ana', 'Inês', 'Conceição', 'Leonor', 'Mariana', 'Beatriz', 'Joana', 'Graça', 'Fátima', 'Luísa'],
    male: ['João', 'António', 'Sebastião', 'Gonçalo', 'Tomás', 'Duarte', 'Rui', 'Simão', 'Luís', 'Vasco'],
    family: ['Ferreira', 'Gonçalves', 'Magalhães', 'Conceição', 'Araújo', 'Simões', 'Guimarães', 'Pereira',
      'Sousa', 'Loureiro', 'Brandão', 'Assunção', 'Carvalho', 'Gusmão', 'Lopes da Silva'],
  },
  {
    region: 'IT',
    weight: 7,
    female: ['Giulia', 'Chiara', 'Francesca', 'Federica', 'Alessandra', 'Maria Grazia', 'Ilaria', 'Benedetta',
      'Annalisa', 'Nicoletta'],
    male: ['Niccolò', 'Luca', 'Andrea', 'Matteo', 'Giuseppe', 'Salvatore', 'Giancarlo', 'Pierpaolo', 'Raffaele',
      'Gianluca'],
    family: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'De Luca', "D'Angelo", "Dell'Orto", "Sant'Ambrogio",
      'Colombo', 'Ricci', 'Marino', 'Galli', 'Conti', 'Fabbri', 'Lo Russo', 'Nicolò'],
  },
  {
    region: 'PL',
    weight: 6,
    female: ['Małgorzata', 'Agnieszka', 'Katarzyna', 'Jadwiga', 'Bożena', 'Grażyna', 'Halina', 'Żaneta',
      'Elżbieta', 'Urszula', 'Łucja'],
    male: ['Łukasz', 'Paweł', 'Michał', 'Wojciech', 'Grzegorz', 'Przemysław', 'Zbigniew', 'Jędrzej',
      'Bartłomiej', 'Krzysztof', 'Mikołaj', 'Stanisław'],
    family: ['Nowak', 'Wróbel', 'Kowalczyk', 'Wójcik', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Zając', 'Król',
      'Woźniak', 'Dudek', 'Sikora', 'Gołąb', 'Michalak', 'Łuczak'],
    familyFemale: ['Wiśniewska', 'Lewandowska', 'Dąbrowska', 'Zielińska', 'Kamińska', 'Szczęsna'],
    familyMale: ['Wiśniewski', 'Lewandowski', 'Dąbrowski', 'Zieliński', 'Kamiński', 'Szczęsny'],
  },
  {
    region: 'Nordic',
    weight: 7,
    female: ['Åsa', 'Åse', 'Ingrid', 'Sigrid', 'Solveig', 'Kirsten', 'Märta', 'Astrid', 'Liv', 'Bodil', 'Dagný',
      'Sølvi', 'Zoë', 'Sanna-Maria'],
    male: ['Bjørn', 'Søren', 'Jørgen', 'Ørjan', 'Håkan', 'Åke', 'Göran', 'Pål', 'Anders', 'Magnús', 'Jyrki',
      'Mikko', 'Ólafur', 'Per-Erik'],
    family: ['Ødegård', 'Bjørnstad', 'Sørensen', 'Jørgensen', 'Håkansson', 'Åberg', 'Lindqvist', 'Strøm',
      'Løkken', 'Dahl', 'Kærgaard', 'Nyström', 'Ångström', 'Mäkinen', 'Järvinen', 'Virtanen', 'Kvåle'],
    familyFemale: ['Þórsdóttir', 'Jónsdóttir'],
    familyMale: ['Sigurðsson', 'Þórsson'],
  },
  {
    region: 'NL',
    weight: 4,
    female: ['Zoë', 'Anouk', 'Noëlle', 'Sanne', 'Femke', 'Marloes', 'Chloë', 'Eline'],
    male: ['Joël', 'Daan', 'Sjoerd', 'Bram', 'Pieter', 'Maarten', 'Thijs', 'Ruud'],
    family: ['de Vries', 'van den Berg', 'van Dijk', 'Jansen', 'Bakker', 'Visser', 'Smit', 'de Jong', 'Meijer',
      'Mulder', "van 't Hof", 'Hoogeveen', 'Brouwer', 'van der Meer', 'IJzerman'],
  },
  {
    region: 'HU',
    weight: 3,
    female: ['Erzsébet', 'Katalin', 'Zsófia', 'Ildikó', 'Réka', 'Enikő', 'Dóra', 'Orsolya'],
    male: ['Zoltán', 'László', 'Gergő', 'Levente', 'Ödön', 'Béla', 'Tamás', 'Bálint', 'Győző'],
    family: ['Erdős', 'Kovács', 'Szőke', 'Tőkés', 'Nagy', 'Fehér', 'Győri', 'Horváth', 'Szűcs', 'Lőrincz',
      'Kőváry', 'Bíró'],
  },
  {
    region: 'RO',
    weight: 3,
    female: ['Ioana', 'Mădălina', 'Ștefania', 'Raluca', 'Andreea', 'Alexandra', 'Irina', 'Mioara'],
    male: ['Ștefan', 'Mihai', 'Andrei', 'Bogdan', 'Răzvan', 'Ionuț', 'Florin', 'Cătălin', 'Dumitru'],
    family: ['Mureșan', 'Popescu', 'Ionescu', 'Dumitrescu', 'Constantinescu', 'Țurcanu', 'Pașcanu', 'Stănescu',
      'Văduva', 'Chițu', 'Moldovan'],
  },
  {
    region: 'CZ',
    weight: 3,
    female: ['Zuzana', 'Jitka', 'Kateřina', 'Šárka', 'Věra', 'Lucie'],
    male: ['Jiří', 'Tomáš', 'Ondřej', 'Lukáš', 'Václav', 'Radek', 'Přemysl'],
    family: [],
    familyFemale: ['Nováková', 'Dvořáková', 'Černá', 'Procházková', 'Kučerová', 'Růžičková', 'Svobodová'],
    familyMale: ['Novák', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Růžička', 'Svoboda'],
  },
  {
    region: 'GR',
    weight: 2,
    female: ['Eleni', 'Katerina', 'Sofia', 'Dimitra', 'Despina'],
    male: ['Georgios', 'Dimitrios', 'Konstantinos', 'Nikolaos', 'Ioannis'],
    family: ['Georgiou', 'Oikonomou', 'Dimitriou', 'Nikolaou', 'Ioannou'],
    familyFemale: ['Papadopoulou', 'Karagianni'],
    familyMale: ['Papadopoulos', 'Karagiannis'],
  },
];

/**
 * The first demo patients, always in this order whatever the seed: they exercise sorting, searching and
 * printing of non-ASCII names (ë Ø å Ł ó ñ ú ß ü ç è á ' - ő ș é ê ð þ). Each has a fixed primary tumour so
 * that every primary appears among the first cases.
 */
export const FEATURED_PATIENTS: readonly {
  given: string; family: string; sex: 'female' | 'male'; primary: PrimaryTumor;
}[] = [
  { given: 'Zoë', family: 'Ødegård', sex: 'female', primary: 'neuroendocrine' },
  { given: 'José', family: 'Núñez', sex: 'male', primary: 'hcc' },
  { given: 'Łukasz', family: 'Wróbel', sex: 'male', primary: 'colorectal' },
  { given: 'Jürgen', family: 'Weiß', sex: 'male', primary: 'pancreatic_adenocarcinoma' },
  { given: 'François', family: 'Lefèvre', sex: 'male', primary: 'cholangiocarcinoma' },
  { given: 'Siobhán', family: "O'Brien", sex: 'female', primary: 'breast' },
  { given: 'Anne-Marie', family: 'Fontaine-Mercier', sex: 'female', primary: 'uveal_melanoma' },
  { given: 'Åsa', family: 'Bjørnstad', sex: 'female', primary: 'melanoma' },
  { given: 'Zoltán', family: 'Erdős', sex: 'male', primary: 'sarcoma' },
  { given: 'Ștefan', family: 'Mureșan', sex: 'male', primary: 'lung' },
  { given: 'Renée', family: 'Müller-Brandt', sex: 'female', primary: 'other' },
  { given: 'Inês', family: 'Gonçalves', sex: 'female', primary: 'colorectal' },
  { given: 'Dagný', family: 'Þórsdóttir', sex: 'female', primary: 'hcc' },
  { given: 'Ignacio', family: 'Peña-Ibáñez', sex: 'male', primary: 'colorectal' },
  { given: 'Małgorzata', family: 'Dąbrowska', sex: 'female', primary: 'neuroendocrine' },
  { given: 'Patrick', family: "D'Arcy", sex: 'male', primary: 'colorectal' },
];

export type Specialty =
  | 'Medical Oncology' | 'Hepatology' | 'HPB Surgery' | 'Colorectal Surgery' | 'Gastroenterology'
  | 'Endocrinology' | 'Nuclear Medicine' | 'Interventional Radiology' | 'Transplant Hepatology'
  | 'Ocular Oncology' | 'Thoracic Oncology' | 'Breast Oncology' | 'Sarcoma Unit' | 'General Practice';

/** Referring clinicians: a fixed panel, as a real board sees the same referrers again and again. */
export const CLINICIANS: readonly { name: string; specialty: Specialty }[] = [
  { name: 'Dr. Ana Ferreira', specialty: 'Medical Oncology' },
  { name: 'Dr. Michael O\'Connell', specialty: 'Medical Oncology' },
  { name: 'Prof. Giulia Bianchi', specialty: 'Medical Oncology' },
  { name: 'Dr. Håkan Lindqvist', specialty: 'Medical Oncology' },
  { name: 'Dr. Sarah Goldberg', specialty: 'Medical Oncology' },
  { name: 'Dr. Paweł Zając', specialty: 'Medical Oncology' },
  { name: 'Dr. Céline Moreau', specialty: 'Medical Oncology' },
  { name: 'Prof. Jürgen Baumgärtner', specialty: 'Hepatology' },
  { name: 'Dr. Lucía Fernández', specialty: 'Hepatology' },
  { name: 'Dr. Robert Chen', specialty: 'Hepatology' },
  { name: 'Dr. Ioana Popescu', specialty: 'Transplant Hepatology' },
  { name: 'Mr. Alistair Hughes', specialty: 'HPB Surgery' },
  { name: 'Prof. Stéphane Gauthier', specialty: 'HPB Surgery' },
  { name: 'Dr. Katarzyna Nowak', specialty: 'HPB Surgery' },
  { name: 'Ms. Niamh Kelly', specialty: 'Colorectal Surgery' },
  { name: 'Dr. Matteo Esposito', specialty: 'Colorectal Surgery' },
  { name: 'Dr. Jennifer Walker', specialty: 'Gastroenterology' },
  { name: 'Dr. Bálint Szőke', specialty: 'Gastroenterology' },
  { name: 'Dr. Sigrid Åberg', specialty: 'Endocrinology' },
  { name: 'Dr. Maarten de Vries', specialty: 'Endocrinology' },
  { name: 'Dr. Hélène Bérenger', specialty: 'Nuclear Medicine' },
  { name: 'Dr. Thomas Anderson', specialty: 'Nuclear Medicine' },
  { name: 'Dr. Chiara D\'Angelo', specialty: 'Interventional Radiology' },
  { name: 'Dr. Søren Kærgaard', specialty: 'Ocular Oncology' },
  { name: 'Dr. Andrés Muñoz', specialty: 'Thoracic Oncology' },
  { name: 'Dr. Emily Thompson', specialty: 'Breast Oncology' },
  { name: 'Dr. Inês Magalhães', specialty: 'Breast Oncology' },
  { name: 'Dr. Ștefania Mureșan', specialty: 'Sarcoma Unit' },
  { name: 'Dr. Kevin Walsh', specialty: 'General Practice' },
];
