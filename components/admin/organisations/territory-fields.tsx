/** The territory of an organisation: the communes of an EPCI (by SIREN) or a list of INSEE codes. */
import { FormField } from "@/components/forms/form-field";

/** The territory's fields → their control, for the forms' error summary. */
export const TERRITORY_FIELDS = { territoryMode: "territoryMode-epci", epciSiren: "epciSiren", inseeCodes: "inseeCodes" } as const;

export function TerritoryFields({ errors, defaultMode = "epci" }: { errors?: Record<string, string>; defaultMode?: "epci" | "communes" }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-4">
      <legend className="px-1 font-medium">Territoire</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2" aria-describedby={errors?.territoryMode ? "territoryMode-error" : undefined}>
        <label className="flex items-center gap-2">
          <input type="radio" id="territoryMode-epci" name="territoryMode" value="epci" defaultChecked={defaultMode === "epci"} />
          Les communes d&apos;un EPCI
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" id="territoryMode-communes" name="territoryMode" value="communes" defaultChecked={defaultMode === "communes"} />
          Une liste de communes
        </label>
      </div>
      {errors?.territoryMode ? (
        <p id="territoryMode-error" className="field-error">
          {errors.territoryMode}
        </p>
      ) : null}
      <FormField id="epciSiren" label="SIREN de l'EPCI" hint="9 chiffres, par exemple 200071751 pour la CA du Bassin de Bourg-en-Bresse." error={errors?.epciSiren}>
        {(props) => <input {...props} name="epciSiren" inputMode="numeric" autoComplete="off" className="field w-full sm:w-64" />}
      </FormField>
      <FormField
        id="inseeCodes"
        label="Codes INSEE des communes"
        hint="Séparés par des virgules, des espaces ou des retours à la ligne, par exemple 01053, 01451."
        error={errors?.inseeCodes}
      >
        {(props) => <textarea {...props} name="inseeCodes" rows={3} className="field w-full font-mono" />}
      </FormField>
    </fieldset>
  );
}
