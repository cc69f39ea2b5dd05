/**
 * Files in the real formats, written by tests into a temporary folder: headers as publishers
 * write them, encodings and separators as they come.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const BAN_HEADER =
  "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles";

export interface BanLine {
  id: string;
  numero?: string;
  rep?: string;
  nom_voie?: string;
  code_postal?: string;
  code_insee?: string;
  nom_commune?: string;
  x?: string;
  y?: string;
  lon?: string;
  lat?: string;
}

export function banLine(line: BanLine): string {
  const [insee] = line.id.split("_");
  return [
    line.id, "", line.numero ?? "", line.rep ?? "", line.nom_voie ?? "Avenue d'Alsace-Lorraine", line.code_postal ?? "01000",
    line.code_insee ?? insee, line.nom_commune ?? "Bourg-en-Bresse", "", "", line.x ?? "", line.y ?? "", line.lon ?? "", line.lat ?? "",
    "entrée", "", "", "BOURG EN BRESSE", "", "commune", "commune", "1", "",
  ].join(";");
}

export const IPE_HEADER =
  "IdentifiantImmeuble;EtatImmeuble;CodeInseeImmeuble;CodePostalImmeuble;CommuneImmeuble;NumeroVoieImmeuble;ComplementNumeroVoieImmeuble;TypeVoieImmeuble;NomVoieImmeuble;BatimentImmeuble;CodeAdresseImmeuble;NombreLogementsAdresseIPE;CoordonneeImmeubleX;CoordonneeImmeubleY;TypeProjectionGeographique;ReferencePM;EtatPM;CoordonneePMX;CoordonneePMY;CommunePM;DateSignatureConvention;TypePBO;TypeRaccoPBPTO;CodeOI;DateMiseEnServiceCommercialePM;DatePremiereMADPM;FibreDedieeLibre;TypeImmeuble;CommentaireImmeuble";

export interface IpeLine {
  id: string;
  etat?: string;
  insee?: string;
  numero?: string;
  complement?: string;
  typeVoie?: string;
  nomVoie?: string;
  logements?: string;
  x?: string;
  y?: string;
  projection?: string;
  codeOI?: string;
  dateMes?: string;
  dateMad?: string;
  fibreDediee?: string;
  commentaire?: string;
}

export function ipeLine(line: IpeLine): string {
  return [
    line.id, line.etat ?? "DEPLOYE", line.insee ?? "01053", "01000", "BOURG EN BRESSE", line.numero ?? "", line.complement ?? "",
    line.typeVoie ?? "", line.nomVoie ?? "", "", "", line.logements ?? "1", line.x ?? "", line.y ?? "", line.projection ?? "",
    "PM-01053-001", "DEPLOYE", "", "", "BOURG EN BRESSE", "", "", "", line.codeOI ?? "LIAI", line.dateMes ?? "", line.dateMad ?? "",
    line.fibreDediee ?? "N", "IMMEUBLE", line.commentaire ?? "",
  ].join(";");
}

export interface WriteOptions {
  encoding?: "utf-8" | "windows-1252";
  bom?: boolean;
  eol?: "\n" | "\r\n";
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-import-test-"));

/** Writes lines under `name` in a temporary folder; returns the path. */
export function writeImportFile(name: string, lines: string[], options: WriteOptions = {}): string {
  const file = path.join(tempDir, name);
  const text = lines.join(options.eol ?? "\n") + (options.eol ?? "\n");
  const body = options.encoding === "windows-1252" ? encodeWindows1252(text) : Buffer.from(text, "utf8");
  fs.writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return file;
}

export function writeRawFile(name: string, content: Buffer): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Windows-1252 for the characters French files use (Latin-1 range plus œ, €, ’). */
function encodeWindows1252(text: string): Buffer {
  const extra: Record<string, number> = { "€": 0x80, "’": 0x92, "œ": 0x9c, "Œ": 0x8c, "…": 0x85 };
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const mapped = extra[char];
      if (mapped === undefined) throw new Error(`not in Windows-1252: ${char}`);
      return mapped;
    }),
  );
}

export const ARCEP_BUILDINGS_HEADER =
  "x,y,imb_id,num_voie,cp_no_voie,type_voie,nom_voie,batiment,code_insee,code_poste,nom_com,catg_loc_imb,imb_etat,pm_ref,pm_etat,code_l331,geom_mod,type_imb,date_completude,date_completude_manquante,pm_date_mad";

export interface ArcepBuildingLine {
  id: string;
  x?: string;
  y?: string;
  numero?: string;
  complement?: string;
  typeVoie?: string;
  nomVoie?: string;
  insee?: string;
  etat?: string;
  oi?: string;
  pmDateMad?: string;
}

export function arcepBuildingLine(line: ArcepBuildingLine): string {
  return [
    line.x ?? "", line.y ?? "", line.id, line.numero ?? "", line.complement ?? "", line.typeVoie ?? "", line.nomVoie ?? "", "",
    line.insee ?? "01053", "01000", "Bourg-en-Bresse", "", line.etat ?? "deploye", "PM01", "deploye", line.oi ?? "FRTE", "", "PAVILLON",
    "", "", line.pmDateMad ?? "",
  ].join(",");
}

export const BAL_13_HEADER =
  "cle_interop;uid_adresse;voie_nom;lieudit_complement_nom;numero;suffixe;certification_commune;commune_nom;position;long;lat;x;y;cad_parcelles;source;date_der_maj";
export const BAL_14_HEADER =
  "cle_interop;uid_adresse;voie_nom;lieudit_complement_nom;numero;suffixe;certification_commune;commune_insee;commune_nom;position;long;lat;x;y;cad_parcelles;source;date_der_maj;id_ban_commune;id_ban_toponyme;id_ban_adresse";

export function bal13Line(values: { cle: string; voie?: string; numero: string; suffixe?: string; long?: string; lat?: string; x?: string; y?: string }): string {
  return [
    values.cle, "", values.voie ?? "Rue des Entrepreneurs", "", values.numero, values.suffixe ?? "", "1", "Bourg-en-Bresse", "entrée",
    values.long ?? "", values.lat ?? "", values.x ?? "", values.y ?? "", "", "Commune de Bourg-en-Bresse", "2026-10-01",
  ].join(";");
}
