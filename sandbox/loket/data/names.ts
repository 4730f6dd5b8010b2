/**
 * @module names
 * Dutch first names and surnames, with diacritics and tussenvoegsels, for generated employees.
 */

export const FIRST_NAMES = [
  'Anouk', 'Bram', 'Chloë', 'Daan', 'Eline', 'Floor', 'Geert', 'Hülya', 'Ilse', 'Joël', 'Kees', 'Linde',
  'Maarten', 'Noëlle', 'Otto', 'Petra', 'Quinten', 'Renée', 'Sanne', 'Thijs', 'Ümit', 'Vera', 'Willem',
  'Xander', 'Yasmina', 'Zoë', 'Anaïs', 'Björn', 'Cécile', 'Dirk', 'Esmée', 'Frédérique', 'Gijs', 'Hanneke',
] as const;

export const PREFIXES = ['', '', '', '', 'van', 'de', 'van der', 'van den', 'ter', "in 't", 'den'] as const;

export const LAST_NAMES = [
  'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Brouwer', 'Berg', 'Dijk', 'Veen', 'Çelik', 'Yılmaz', 'Boer', 'Wal', 'Groot', 'Heuvel', 'Maël', 'Kuipers',
  'Schrijvers', 'Koç', 'Wijngaarden', 'Hoëvenaars', 'Brink',
] as const;

export const CITIES = ['Utrecht', 'Zwolle', "'s-Hertogenbosch", 'Leeuwarden', 'Den Haag', 'Tilburg'] as const;
