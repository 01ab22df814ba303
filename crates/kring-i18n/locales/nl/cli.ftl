cards-none-yet = Nog geen kaarten. Voeg er een toe met `kring card add person --name NAAM` of probeer `kring demo`.

due-today = vandaag
due-tomorrow = morgen
due-overdue = { $days ->
    [one] { $days } dag te laat
   *[other] { $days } dagen te laat
}
due-in-days = { $days ->
    [one] over { $days } dag
   *[other] over { $days } dagen
}

kind-word = { $kind ->
    [person] persoon
    [organisation] organisatie
    [networker] netwerker
   *[other] { $kind }
}
visibility-word = { $visibility ->
    [private] privé
    [summary] samenvatting
    [shared] gedeeld
   *[other] { $visibility }
}

## kring card show
card-restriction-label = beperking
card-restriction-since = sinds { $day }
card-restriction = { $status }{ $since }: blijft buiten herinneringen, opvolgingslijsten, nieuwsbrieven en uitnodigingen tot een manager dit opheft
card-affiliations = Functies
card-since = sinds { $day }
card-until = tot { $day }
card-past = (vroeger)
card-relationships = Relaties
card-never = nooit
card-going-cold = BEKOELEND
card-relationship = { $other }: sterkte { $strength }/5, vertrouwen { $trust }, laatste contact { $last }, ritme { $cadence }
card-days = { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
}
card-knows = Kent
card-known-by = Collega's die hen kennen
card-acquaintance = { $name }: sterkte { $strength }/5
card-follow-ups = Opvolgingen
card-follow-up = { $text } (vervalt { $due })
card-interactions = Contactmomenten
card-notes = Notities
card-links = Koppelingen
card-conflicts = Conflicten (gelijktijdige wijzigingen; `kring card edit` beslecht ze)
card-conflict = { $field }: behouden { $current } — ook geschreven { $value } door node { $node } op { $at }
card-deleted = verwijderd { $id }

## kring follow-ups, today, search, duplicates
follow-ups-none = Geen open opvolgingen.
today-due = Opvolgingen die vervallen ({ $count })
today-upcoming = De komende twee weken ({ $count })
today-cold-some = Bekoelend ({ $total }, de { $listed } koudste opgelijst)
today-cold = Bekoelend ({ $count })
today-cold-line = { $networker } ↔ { $stakeholder }: laatste contact { $last }, ritme { $cadence } dagen
today-reviews = Evaluaties van partnerschappen die vervallen ({ $count })
search-none = Niets gevonden.
duplicates-none = Geen waarschijnlijke dubbels.
duplicates-summary = { $count } paren. `kring same-as ID ANDER_ID` maakt van een paar één kaart; `kring not-same ID ANDER_ID` legt het opzij.
same-as-done = { $a } en { $b } zijn nu één kaart, getoond als { $shown } ({ $count } kaarten)
not-same-done = { $a } en { $b } zijn afzonderlijke kaarten
not-same-still-one = { $a } en { $b } zijn niet dezelfde, maar andere verklaringen maken er nog één kaart van: { $chain }; zeg `kring not-same` voor een van die koppelingen

## kring init, log, done, demo
init-done = Kring is ingesteld voor { $name } ({ $email }) als { $role } in { $path }
logged-follow-up = opvolging { $id }
due-needs-follow-up = --due heeft --follow-up TEKST nodig om te zeggen wat er vervalt
follow-up-done = { $undo ->
    [yes] heropend
   *[no] afgewerkt
} { $id }
demo-done = demonetwerk: { $networkers } netwerkers, { $organisations } organisaties, { $people } personen, { $relationships } relaties, { $interactions } contactmomenten, { $follow_ups } opvolgingen, { $notes } notities, { $links } koppelingen

## kring export, import, conflicts, resolve, backup, restore
export-wrote = { $path } geschreven ({ $kind }): { $records } records, { $bytes } bytes
export-left-out = { $private } privérecords bleven op deze computer; { $summarised } gingen enkel als samenvatting mee; { $unchanged } die de ontvanger al heeft, zijn weggelaten
export-relayed = { $count ->
    [one] schreef ook de overdracht van een collega die deze databank doorgeeft aan de netwerkmanagers, zoals de auteur ze ondertekende; geef ze hun samen met de export:
   *[other] schreef ook { $count } overdrachten van collega's die deze databank doorgeeft aan de netwerkmanagers, zoals hun auteurs ze ondertekenden; geef ze hun samen met de export:
}
import-progress = samenvoegen: { $done }/{ $total } records ({ $percent }%)
import-file = { $path }: { $kind }-bundel van { $author } ({ $role }, node { $node }), { $records } records
import-held = { $path }: tegengehouden, niet samengevoegd: { $author } <{ $email }> (vingerafdruk { $fingerprint }) { $reason }
import-held-hint = vergelijk de vingerafdruk met die van de eigenaar, dan: kring approve VINGERAFDRUK (zie kring members)
import-compact-hint = imports schreven { $records } records sinds de databank het laatst gecomprimeerd werd: `kring compact` geeft doorgaans een kwart tot de helft van de ruimte van haar gegevens terug
import-summary = { $dry ->
    [yes] zou toevoegen
   *[no] toegevoegd
} { $added }, gewijzigd { $changed } (waarvan verwijderd { $deleted }), ongewijzigd { $unchanged }, nieuwe conflicten { $conflicts }
warning = waarschuwing: { $text }
import-refused = { $count } wijziging(en) geweigerd waartoe de schrijvers geen recht hadden (er is niets van samengevoegd):
import-refused-line = { $kind } { $record } veld { $field }: door { $writer }: { $reason }
import-refused-more = … en nog { $count } (--json lijst er tot 200 op)
import-forgotten-dropped = { $count } record(s) of waarde(n) weggelaten over personen die gewist zijn (kring forget): daarvan komt niets terug
import-forgotten-purged = { $count } record(s) gewist die deze databank bevatte over personen die de organisatie vergat; voer `kring compact` uit om hun bytes van de schijf te verwijderen
import-expired = { $count } record(s) verwijderd of leeggemaakt waarvan de termijn van een bewaarregel verstreken is
import-backup = reservekopie van de vorige toestand: { $path }
dry-run = proefdraai: er is niets gewijzigd
conflicts-none = Geen conflicten.
conflicts-current = { $field }: huidig { $value } ({ $by }, { $at })
conflicts-losing = { $n }. { $value } ({ $by }, { $at })
conflicts-writer-named = { $name }, node { $node }
conflicts-writer-node = node { $node }
take-counts-from-one = --take telt vanaf 1
resolve-say-which = zeg welke waarde u behoudt: --keep, --take N of --value WAARDE
resolved = { $field } van { $id } beslecht
folder-uncreatable = kan { $path } niet aanmaken
backup-done = reservekopie van { $records } records gemaakt in { $path }
restore-done = { $records } records teruggezet uit { $path }; de vorige toestand staat in { $safety }

## Contacten en agenda
contacts-read-as = gelezen als { $preset }-CSV ({ $encoding })
contacts-summary = { $read } contacten: { $people } personen en { $organisations } organisaties { $dry ->
    [yes] zouden worden toegevoegd
   *[no] toegevoegd
} ({ $affiliations } functies, { $notes } notities); { $updated } kaarten bijgewerkt; { $unchanged } al gekend, ongewijzigd
contacts-vcard-only = contacten worden alleen als vCard geëxporteerd (--format vcard)
contacts-exported = { $count } kaarten geschreven naar { $path }
calendar-exported = { $count } opvolgingen geschreven naar { $path }
private-left-out = { $count } { $what ->
    [cards] privékaarten
   *[other] privé-opvolgingen
} weggelaten (--include-private schrijft ze)

## kring check
check-summary = { $records } records, { $entries } indexregels gecontroleerd
check-more = … en nog { $count } problemen (--json lijst ze allemaal op)
check-clean = in orde: elke index klopt met de records en elke waarde past in haar veld
check-repaired = hersteld: de indexen zijn opnieuw opgebouwd uit de records
check-quarantined = { $count } { $count ->
    [one] kopie
   *[other] kopieën
} van records die onder een andere soort bewaard waren dan de databank kent, verplaatst naar de quarantaineboom
check-drifted = de indexen zijn afgeweken van de records ({ $missing } ontbrekend, { $stale } verouderd, { $misfiled } onder een andere soort bewaard): voer `kring check --repair` uit
check-beyond-repair = { $count } problemen die herstel niet verhelpt ({ $unreadable } onleesbare records, { $misfit } waarden die niet in hun veld passen, { $kindless } records zonder kopie van hun soort): verbeter een waarde met `kring card edit ID --set VELD=WAARDE`, of zet een reservekopie terug van voor het record aankwam

## Meldingen op stderr en fouten van de opdrachtregel zelf
note-node-renewed = opmerking: deze databank is gekopieerd of teruggezet (ze was node { $old }); ze schrijft nu als node { $new }
note-retention = opmerking: bewaarregels hebben { $count } record(s) verwijderd of leeggemaakt (kring processing-log, kring compact)
no-home-folder = geen thuismap om de databank in te bewaren: geef --store MAP op of stel KRING_STORE in
file-unwritable = { $path }: kan niet worden geschreven: { $reason }
output-unwritable = kan de uitvoer niet schrijven: { $error }
held-reason = { $code ->
    [key_replaced] ondertekend met een andere sleutel dan de ledenlijst voor dit lid heeft: een vervangen laptop, of een vervalsing
    [unknown_key] ondertekend met een sleutel die niet op de ledenlijst van de organisatie staat
   *[other] { $reason }
}
clock-behind = de klok van { $author } lijkt { $days } dagen achter te lopen: de bundel draagt een datum van vóór wijzigingen die ze al bevatte. Vraag { $author } de datum van de computer juist te zetten, anders verliezen die wijzigingen van oudere

## kring sync
sync-watching = { $folder } wordt gevolgd ({ $notified ->
    [yes] wijzigingsmeldingen en peilen
   *[no] peilen
}); een ronde om de { $seconds } s als het stil is; Ctrl+C om te stoppen
sync-try-again = { $error }; nieuwe poging bij de volgende ronde
sync-synced = gesynchroniseerd met { $folder } als { $role } (node { $node }) op { $at }
sync-imported = { $bundles } bundel(s) geïmporteerd: { $added } toegevoegd, { $changed } gewijzigd, { $deleted } verwijderd, { $conflicts } nieuwe conflicten
sync-wrote = { $master ->
    [yes] master
   *[no] delta
} { $path } geschreven ({ $kind }): { $records } records, { $private } privé tegengehouden
sync-skipped = overgeslagen ({ $retried ->
    [yes] volgende keer opnieuw geprobeerd
   *[no] vraagt uw aandacht
}): { $reason }
sync-waiting = wacht op goedkeuring: { $author } <{ $email }> (vingerafdruk { $fingerprint }): kring approve { $approve }
sync-refused = { $count } wijziging(en) geweigerd waartoe de schrijvers geen recht hadden (kring sync --json lijst ze op)
sync-pruned = { $count } oude bundel(s) van deze databank opgeruimd die bevestigd of achterhaald waren
sync-nothing-new = niets nieuws
sync-stale = lang niet gesynchroniseerd:
sync-last-bundle = laatste bundel { $day } ({ $days } dagen geleden)
sync-no-bundle-yet = nog geen bundel
sync-stale-peer = { $name } (node { $node }): { $since }

## Leden van de organisatie
invite-wrote = uitnodiging voor een { $role } geschreven naar { $path } ({ $organisation })
invite-join = de persoon voor wie ze bestemd is, voert uit: kring join { $path }
invite-manager = manager { $name } <{ $email }>, vingerafdruk { $fingerprint }
invite-approve-later = keur de databank goed wanneer de eerste bundel aankomt: kring members, dan kring approve
join-joined = aangesloten bij organisatie { $organisation }
join-compare = vergelijk deze vingerafdrukken met die van de manager zelf (telefonisch of persoonlijk):
join-your-fingerprint = de vingerafdruk van uw databank, die de manager goedkeurt: { $fingerprint }
members-none = Geen leden: deze databank heeft geen organisatie opgericht of er zich bij aangesloten.
members-this-store = (deze databank)
members-earlier-store = zegt dat het voor { $name } <{ $email }> schrijft, al lid als node { $node } (vingerafdruk { $fingerprint }): een teruggezette back-up of een nieuwe computer, of iemand die zich voor die persoon uitgeeft. Vergelijk de vingerafdruk met { $name } voor u goedkeurt: na goedkeuring stuurt het ook door wat die databank schreef
members-earlier-nodes = eerder teruggezet of gekopieerd: schreef ook als { $count ->
    [one] node
   *[other] nodes
} { $nodes }; na goedkeuring telt wat daar geschreven werd als van deze databank
members-contested-node = node { $node } wordt ook geclaimd door { $others }: wat die schreef telt voor niemand tot een manager de verkeerde claim laat vallen (kring drop-claim { $member } { $node } laat die van deze databank vallen)
drop-claim-done = wat node { $node } schreef, telt niet meer als van de databank { $member }; de volgende master meldt het aan elk lid
approve-done = goedgekeurd: { $name } <{ $email }> (vingerafdruk { $fingerprint })
approve-merged = de { $bundles } bundel(s) die voor hen werden tegengehouden, samengevoegd: toegevoegd { $added }, gewijzigd { $changed }
trust-done = vertrouwd: { $name } <{ $email }> (node { $node }, vingerafdruk { $fingerprint }), die { $path } ondertekende
