/**
 * The words French street names are made of, for the national benchmark's generated addresses:
 * the way a real BAN file reads (many distinct names, a few very common ones, saints, people,
 * places, trees, trades, dates, lieux-dits), so that search indexes and typo vocabularies have
 * their real size and shape rather than a handful of names repeated.
 */

/** Street types with their rough share of BAN voies (weights, not percentages). */
export const STREET_TYPES: readonly (readonly [type: string, weight: number])[] = [
  ["Rue", 42], ["Chemin", 14], ["Impasse", 9], ["Route", 8], ["Allée", 6], ["Avenue", 5], ["Place", 3],
  ["Boulevard", 1.5], ["Lotissement", 1.5], ["Résidence", 1.2], ["Chemin rural", 1], ["Passage", 0.8],
  ["Square", 0.6], ["Quai", 0.5], ["Cours", 0.4], ["Sentier", 0.6], ["Hameau", 1], ["Montée", 0.5],
  ["Voie communale", 0.6], ["Rond-point", 0.3], ["Promenade", 0.3], ["Faubourg", 0.2], ["Clos", 1.2],
];

export const FIRST_NAMES = [
  "Jean", "Pierre", "Louis", "Marie", "Jacques", "Paul", "Anatole", "Émile", "Victor", "Jules", "Georges", "Henri",
  "Charles", "Albert", "Eugène", "Joseph", "François", "André", "Marcel", "René", "Gustave", "Léon", "Edmond",
  "Alphonse", "Aristide", "Camille", "Claude", "Denis", "Édouard", "Ernest", "Félix", "Gabriel", "Honoré", "Lucien",
  "Maurice", "Nicolas", "Olympe", "Philippe", "Raymond", "Simone", "Théodore", "Alexandre", "Antoine", "Auguste",
  "Benoît", "Colette", "Danielle", "Élise", "Geneviève", "Hélène", "Irène", "Jeanne", "Louise", "Lucie", "Madeleine",
  "Marguerite", "Michel", "Noël", "Pauline", "Roger", "Rosa", "Sophie", "Suzanne", "Yvonne", "Étienne", "Frédéric",
];

export const SURNAMES = [
  "Jaurès", "Moulin", "Hugo", "Ferry", "Pasteur", "Gambetta", "Carnot", "Zola", "Curie", "Clemenceau", "Voltaire",
  "Rousseau", "Molière", "Racine", "Corneille", "Lamartine", "Michelet", "Daudet", "Pagnol", "Giono", "Mistral",
  "Renoir", "Monet", "Cézanne", "Debussy", "Ravel", "Berlioz", "Bizet", "Gounod", "Brassens", "Brel", "Piaf",
  "Prévert", "Aragon", "Éluard", "Camus", "Sartre", "Malraux", "Péguy", "Verlaine", "Rimbaud", "Baudelaire",
  "Apollinaire", "Colette", "Sand", "Balzac", "Flaubert", "Stendhal", "Dumas", "Verne", "Perrault", "Fabre",
  "Ampère", "Arago", "Becquerel", "Branly", "Lumière", "Daguerre", "Niépce", "Blériot", "Mermoz", "Guynemer",
  "Saint-Exupéry", "Lyautey", "Joffre", "Foch", "Leclerc", "Koenig", "Delattre", "Brossolette", "Cassin", "Monnet",
  "Schuman", "Blum", "Mendès France", "Jaurès", "Sembat", "Vaillant", "Barbusse", "Péri", "Sémard", "Cachin",
  "Dolet", "Rabelais", "Montaigne", "Descartes", "Pascal", "Buffon", "Lavoisier", "Parmentier", "Vauban", "Colbert",
  "Turgot", "Necker", "Condorcet", "Danton", "Marceau", "Hoche", "Kléber", "Desaix", "Masséna", "Ney", "Murat",
  "Lafayette", "Mirabeau", "Bara", "Viala", "Dunant", "Schweitzer", "Fleming", "Calmette", "Roux", "Laennec",
  "Bichat", "Charcot", "Vincent", "Dreyfus", "Zay", "Veil", "Weil", "Gide", "Proust", "Cocteau", "Picasso",
  "Matisse", "Chagall", "Braque", "Léger", "Rodin", "Claudel", "Bartholdi", "Eiffel", "Garnier", "Haussmann",
  "Clément", "Mauriac", "Bernanos", "Vigny", "Musset", "Nerval", "Gautier", "Hérédia", "Sully", "Bayard", "Duguesclin",
  "Jeanne d'Arc", "Rostand", "Courbet", "Millet", "Corot", "Delacroix", "Géricault", "Ingres", "David", "Boucher",
];

export const TITLES = [
  "du Général", "du Maréchal", "du Docteur", "du Président", "du Commandant", "du Colonel", "du Capitaine",
  "de l'Abbé", "du Professeur", "du Lieutenant", "de l'Amiral", "du Chanoine", "du Sergent", "du Pasteur",
];

export const SAINTS = [
  "Martin", "Jean", "Pierre", "Paul", "Michel", "Nicolas", "Jacques", "Antoine", "Georges", "Laurent", "Vincent",
  "Étienne", "Denis", "Germain", "Roch", "Éloi", "Blaise", "Sébastien", "Hilaire", "Médard", "Rémy", "Genès",
  "Julien", "Cyr", "Marcel", "Maurice", "Barthélemy", "Christophe", "Claude", "Fiacre", "Hubert", "Léger", "Lazare",
  "Vérane", "Anne", "Catherine", "Madeleine", "Marthe", "Geneviève", "Agathe", "Barbe", "Cécile", "Odile", "Foy",
];

export const TREES = [
  "Chênes", "Tilleuls", "Platanes", "Peupliers", "Acacias", "Marronniers", "Châtaigniers", "Noyers", "Ormes",
  "Érables", "Frênes", "Saules", "Bouleaux", "Charmes", "Hêtres", "Pins", "Sapins", "Cèdres", "Cerisiers", "Pommiers",
  "Poiriers", "Amandiers", "Oliviers", "Mûriers", "Figuiers", "Aulnes", "Cyprès", "Mimosas", "Lauriers", "Glycines",
  "Lilas", "Roses", "Bleuets", "Coquelicots", "Violettes", "Jonquilles", "Genêts", "Bruyères", "Fougères", "Iris",
];

export const TRADES = [
  "Tanneurs", "Forgerons", "Tisserands", "Potiers", "Charpentiers", "Meuniers", "Tonneliers", "Cordiers", "Orfèvres",
  "Teinturiers", "Maréchaux", "Bouchers", "Boulangers", "Vignerons", "Laboureurs", "Bergers", "Pêcheurs", "Mariniers",
  "Cordonniers", "Chapeliers", "Verriers", "Tailleurs", "Menuisiers", "Sabotiers", "Drapiers", "Merciers", "Couteliers",
  "Artisans", "Fondeurs", "Armuriers", "Horlogers", "Imprimeurs", "Tuiliers", "Chaudronniers", "Carriers", "Mineurs",
];

export const BIRDS = [
  "Mésanges", "Hirondelles", "Alouettes", "Fauvettes", "Rossignols", "Merles", "Pinsons", "Grives", "Bergeronnettes",
  "Martinets", "Moineaux", "Chardonnerets", "Loriots", "Tourterelles", "Perdrix", "Cigognes", "Hérons", "Bécasses",
];

/** Features with their own article: "de la Fontaine", "du Moulin", "des Prés". */
export const FEATURES = [
  "de la Fontaine", "du Moulin", "des Prés", "du Bois", "de la Croix", "du Lavoir", "de la Gare", "de l'Église",
  "de la Mairie", "des Écoles", "du Château", "du Stade", "de la Source", "des Vignes", "du Four", "du Puits",
  "de la Forge", "du Pont", "de la Rivière", "du Canal", "de l'Étang", "du Marais", "des Champs", "de la Plaine",
  "du Coteau", "de la Colline", "du Plateau", "de la Vallée", "du Vallon", "des Jardins", "des Vergers", "du Verger",
  "de la Chapelle", "du Prieuré", "de l'Abbaye", "du Cimetière", "de la Poste", "du Marché", "de la Halle",
  "du Calvaire", "de la Tour", "des Remparts", "du Port", "de la Plage", "des Dunes", "de la Forêt", "des Bruyères",
  "du Parc", "de la Lande", "des Carrières", "de la Tuilerie", "de la Briqueterie", "de la Scierie", "des Sources",
  "du Ruisseau", "des Fontaines", "du Grand Pré", "du Petit Bois", "de la Garenne", "des Noues", "du Bourg",
  "de l'Industrie", "du Commerce", "de l'Artisanat", "des Entrepreneurs", "de la Zone Artisanale", "du Lac",
];

export const DATES = [
  "du 8 Mai 1945", "du 11 Novembre 1918", "du 14 Juillet", "du 19 Mars 1962", "du 4 Septembre", "du 18 Juin 1940",
  "du 22 Août 1944", "du 1er Mai", "du 8 Mai", "du 11 Novembre", "du 25 Août 1944", "du 3 Septembre 1944",
];

export const IDEAS = [
  "de la République", "de la Liberté", "de la Paix", "de l'Égalité", "de la Fraternité", "de l'Europe",
  "de la Résistance", "de la Libération", "de la Victoire", "des Droits de l'Homme", "de la Concorde", "de l'Union",
  "des Anciens Combattants", "des Déportés", "des Fusillés", "des Martyrs", "de la Nation", "de l'Espérance",
];

/** Lieux-dits: nom_voie of many rural addresses, and the nom_ld complement of others. */
export const PLACE_HEADS = [
  "Le Grand", "Le Petit", "La Grande", "La Petite", "Les Hauts de", "Le Haut", "Le Bas", "La Croix", "Le Mas",
  "La Ferme", "Le Clos", "Les Granges", "Le Moulin", "La Borde", "Le Champ", "La Combe", "Le Pré", "La Côte", "Le Puy",
  "La Motte", "Le Plessis", "La Bastide", "Le Mesnil", "La Ville", "Le Val", "Les Terres", "La Font", "Le Breuil",
];

export const PLACE_TAILS = [
  "Pré", "Bois", "Champ", "Chêne", "Fossé", "Blanc", "Rouge", "Noir", "Vert", "Vieux", "Neuf", "Fond", "Mont",
  "Sablon", "Rocher", "Bourg", "Marais", "Buisson", "Verger", "Pâtis", "Gravier", "Lac", "Noyer", "Tertre", "Pin",
  "Saule", "Moulin", "Colombier", "Pigeonnier", "Perrier", "Charme", "Peyrat", "Ruisseau", "Vignoble", "Cormier",
];

/** BAN "rep" values after a number, with their rough frequency per address. */
export const SUFFIXES: readonly (readonly [suffix: string, probability: number])[] = [
  ["bis", 0.03], ["ter", 0.006], ["quater", 0.0008], ["a", 0.004], ["b", 0.003],
];
