# Fouten die iemand kan tegenkomen, per stabiele code: `error-<code>`.

## kring-core: de databank (StoreError)
error-store_in_use = databank { $path } is in gebruik door een ander Kring-proces; sluit dat en probeer opnieuw
error-schema_too_new = databank { $path } is geschreven door een nieuwere Kring (schema { $found }); deze Kring leest schema { $supported } en ouder: werk Kring bij
error-store_open = databank { $path } kan niet worden geopend: { $reason }
error-not_initialised = de databank is nog niet ingesteld: voer eerst `kring init --name NAAM --email E-MAIL` uit
error-already_initialised = de databank is al ingesteld voor { $name }
error-not_found = geen record met id { $id }
error-wrong_kind = { $id } is een { $actual }, geen { $expected }
error-corrupt = record { $id } kan niet worden gelezen ({ $reason }): voer `kring check` uit
error-disk_full = { $path ->
    [none] de schijf is vol: maak wat ruimte vrij en probeer opnieuw (wat eerder bewaard is, is intact)
   *[other] de schijf met de databank { $path } is vol: maak wat ruimte vrij en probeer opnieuw (wat eerder bewaard is, is intact)
}
error-read_only = { $path ->
    [none] de databank is alleen-lezen (een alleen-lezen schijf, of een map waarin deze gebruiker niet mag schrijven): Kring schrijft in zijn databank, zelfs om te lezen; maak ze beschrijfbaar of kopieer ze naar elders (er is niets gewijzigd)
   *[other] de databank in { $path } is alleen-lezen (een alleen-lezen schijf, of een map waarin deze gebruiker niet mag schrijven): Kring schrijft in zijn databank, zelfs om te lezen; maak ze beschrijfbaar of kopieer ze naar elders (er is niets gewijzigd)
}
error-io = de databank kon niet worden gelezen of geschreven: { $reason }
error-writes_stopped = Kring is gestopt met schrijven in de databank toen een schrijfopdracht mislukte (een volle schijf, of een schijf die wegviel): sluit Kring en open het opnieuw zodra dat verholpen is (wat eerder bewaard is, is intact)
error-not_allowed = { $reason }; er is niets gewijzigd
error-demo_store = dit is een demodatabank met fictieve gegevens, die deze computer nooit verlaat en gescheiden blijft van echte gegevens: ze kan niet worden { $kind ->
    [exported] geëxporteerd
    [exported-as-a-kpi-report] geëxporteerd als kpi-rapport
    [exported-as-a-calendar] geëxporteerd als agenda
    [exported-as-a-graph-file] geëxporteerd als graafbestand
    [exported-as-a-subject-access-report] geëxporteerd als inzageverslag
    [exported-as-a-transparency-register] geëxporteerd als transparantieregister
    [exported-as-contacts] geëxporteerd als contacten
    [restored-from-a-backup] teruggezet uit een reservekopie
    [synced] gesynchroniseerd
    [used-to-invite-a-member] gebruikt om een lid uit te nodigen
   *[other] { $action }
}; open uw eigen databank om dit met uw eigen netwerk te doen
error-not_a_sandbox = { $path } is geen demozandbak (er staat geen als demo gemarkeerde Kring-databank): het is gelaten zoals het is en er is niets verwijderd; verplaats het zelf als de demo daar moet komen

## Synchronisatie
error-write_failed = { $path }: kan niet worden geschreven: { $reason }
error-import_unfinished = { $error }; de import blijft bewaard in de databank en wordt afgewerkt wanneer de databank de volgende keer wordt geopend
error-held_set_aside = { $error }. { $name } is goedgekeurd; deze voor { $name } vastgehouden bundel kan niet worden samengevoegd en is opzijgezet: de volgende export van { $name } brengt wat erin stond{ $merged ->
    [0] {""}
    [one] {"; "}{ $merged } andere vastgehouden bundel is samengevoegd
   *[other] {"; "}{ $merged } andere vastgehouden bundels zijn samengevoegd
}
error-own_bundle = { $path }: ondertekend door deze databank zelf (node { $node }); een databank importeert haar eigen bundels niet
error-other_organisation = { $path }: van een andere organisatie ({ $theirs }); deze databank hoort bij { $ours }
error-clock_ahead = { $path }: de wijzigingen van { $author } dragen een datum tot { $days } dagen na de klok van deze computer (die { $local } aangeeft). Ofwel de klok van { $author }, ofwel die van deze computer is fout: controleer de datum op beide; er is niets geïmporteerd
error-bundle_io = { $path }: kan niet worden gelezen: { $reason }
error-bundle_wrong_magic = { $path }: geen Kring-bundel (verkeerde beginbytes)
error-bundle_future_format = { $path }: gemaakt door een nieuwere Kring (bundelformaat { $found }; deze Kring leest { $supported }): werk Kring bij
error-bundle_truncated = { $path }: afgekapt (het bestand houdt te vroeg op; kopieer het opnieuw)
error-bundle_corrupt = { $path }: beschadigd ({ $reason })
error-bundle_bad_signature = { $path }: de handtekening klopt niet met de inhoud (het bestand is gewijzigd of vervalst)
error-bundle_hash_mismatch = { $path }: de inhoud klopt niet met de hash in de kop (gewijzigd, of nog aan het kopiëren)
error-bundle_is_backup = { $path }: een reservekopie, geen export: zet ze terug met `kring restore`
error-bundle_is_export = { $path }: een export, geen reservekopie: importeer ze (`kring import`, of Synchronisatie in de app)
error-bundle_not_a_recipient = { $path }: versleuteld voor de leden van de organisatie, en deze databank is geen van de ontvangers (of heeft geen sleutel om het te openen). Is deze databank nieuw, teruggezet uit een back-up of naar een andere computer verhuisd, vraag dan een netwerkmanager om ze goed te keuren (op het scherm Leden, of kring approve); de volgende master gaat open zodra dat gebeurd is
error-sync_folder_unavailable = synchronisatiemap { $path } is niet beschikbaar ({ $reason }); er is niets gewijzigd, en Kring haalt de achterstand in zodra ze terug is
error-sync_folder_write = { $path }: kan niet worden geschreven in de synchronisatiemap: { $reason }
error-still_changing = { $path }: wordt nog geschreven of gesynchroniseerd; de volgende keer opnieuw geprobeerd

## De leden van de organisatie
error-not_a_manager = alleen een netwerkmanager kan { $kind ->
    [invite-members] leden uitnodigen
    [enrol-members] leden inschrijven
    [remove-members] leden verwijderen
    [approve-a-colleague-s-store] de databank van een collega goedkeuren
    [drop-a-claim] een claim laten vallen
   *[other] dit doen ({ $action })
}
error-already_joined = deze databank hoort al bij organisatie { $organisation }; een databank sluit zich bij één organisatie aan
error-bad_invitation = { $reason }
error-no_such_member = geen lid of wachtende goedkeuring komt overeen met '{ $who }': zie `kring members`
error-ambiguous_member = '{ $who }' komt overeen met meer dan één lid: typ meer van de node-id of de vingerafdruk
error-no_such_claim = de databank van { $member } noemt node { $node } niet als een node waaronder ze vroeger schreef: zie `kring members`

## Bestanden die Kring leest
error-file_too_large = { $path }: { $size } is groter dan de { $limit } die Kring leest als { $kind ->
    [a-backup] reservekopie
    [a-bundle] bundel
    [an-address-book] adresboek
   *[other] { $what }
} (er is niets gelezen): controleer of het het juiste bestand is
error-not_a_file = { $path }: geen bestand (een map, een apparaat of een pipe): geef het bestand zelf op
error-file_unreadable = { $path }: kan niet worden gelezen: { $reason }
error-contacts_malformed = { $file }: { $error }
error-malformed = regel { $line }: { $reason }
error-undecodable = regel { $line }: { $reason }

## Vergaderingen en e-mails om vast te leggen; elk volgt op de bestandsnaam
error-too_large = is { $size } bytes, meer dan de { $limit } bytes die Kring leest uit één { $what ->
    [calendar] agenda
   *[other] e-mail
}: splits het op of leg een kortere periode vast
error-outlook_msg = is een Outlook-.msg-bestand, dat Kring niet kan lezen: bewaar in Outlook een vergadering met Bestand > Opslaan als > iCalendar-indeling (.ics), en download een e-mail als .eml (Outlook op het web of de nieuwe Outlook: … > Downloaden)
error-not_recognised = is geen iCalendar-bestand (.ics) en geen e-mail (.eml): exporteer de vergadering of bewaar de e-mail vanuit uw e-mailprogramma en leg dat bestand vast
error-not_calendar = is geen iCalendar-bestand: het heeft geen BEGIN:VCALENDAR{ $detail }
error-no_meetings = bevat geen vergadering om vast te leggen: { $detail }
error-invitation_reply = is een antwoord op een uitnodiging (METHOD:{ $method }), niet de vergadering zelf: leg de uitnodiging of de vergadering uit uw agenda vast
error-too_many_meetings = bevat { $count } vergaderingen, meer dan de { $limit } die Kring uit één bestand leest: exporteer een kortere periode
error-no_date = heeft geen leesbare Date-kop (en ook geen Received-kop), dus Kring kan niet zien wanneer ze verzonden is: bewaar de e-mail opnieuw vanuit uw e-mailprogramma
error-no_addresses = noemt niemand: er staat geen e-mailadres in From, To of Cc
error-not_email = is geen e-mail: het begint niet met kopregels zoals From: en Subject:
error-broken_mime = is een e-mail waarvan de delen genest zijn op een manier die Kring niet kan lezen: bewaar ze opnieuw vanuit uw e-mailprogramma

## Waarom een waarde geweigerd wordt: `invalid-<code>`, na "veld: "
invalid-empty = mag niet leeg zijn
invalid-not_a_record_id = '{ $value }' is geen record-id
invalid-not_an_id_start = '{ $value }' is geen record-id of het begin ervan
invalid-ambiguous_id_start = '{ $value }' is het begin van meer dan één id: typ er meer van
invalid-no_id_starts_with = geen record-id begint met '{ $value }'
invalid-not_one_of = '{ $value }' is niet een van { $choices }
invalid-not_an_email = '{ $value }' is geen e-mailadres
invalid-not_a_phone = '{ $value }' is geen telefoonnummer
invalid-not_a_web_address = '{ $value }' is geen webadres
invalid-score_out_of_range = { $value } ligt buiten het bereik 1–5
invalid-ends_before_start = eindigt voor het begint
invalid-at_least_one_day = moet minstens 1 dag zijn
invalid-year_out_of_bounds = { $day } ligt { $side ->
    [before] vóór
   *[after] na
} de jaren die Kring bijhoudt ({ $earliest }–{ $latest }): controleer het jaar
invalid-too_many_items = { $count } items is meer dan de { $limit } die een lijst mag bevatten
invalid-interaction_in_future = { $at } ligt in de toekomst: een contactmoment is iets wat gebeurd is (hoogstens een dag vooruit); voeg voor een contact dat nog moet komen een opvolging of een evenement toe
invalid-follow_up_before_interaction = { $due } ligt vóór het contactmoment waarop ze volgt ({ $day }): een opvolging vervalt op of na dat contactmoment
invalid-no_card_with_id = geen kaart met id { $id }
invalid-name_a_card = noem minstens één kaart waarmee het contactmoment was
invalid-invalid = { $reason }
invalid-not_a_contact_hash = '{ $value }' is geen contacthash
invalid-answered_before_received = ligt vóór de ontvangst van het verzoek
invalid-only_people_are_erased = alleen personen worden voorgesteld om te wissen, geen { $kind }
invalid-rule_cannot_act = een regel kan een { $kind } niet { $action ->
    [remove] verwijderen
    [clear] leegmaken
   *[other] { $action }
} (personen worden in de plaats voorgesteld om te wissen)
invalid-name_fields_to_clear = noem de velden die moeten worden leeggemaakt
invalid-not_a_clearable_field = '{ $value }' is geen tekstveld van een { $kind } dat kan worden leeggemaakt
invalid-fields_only_when_clearing = alleen een regel die velden leegmaakt, noemt velden
invalid-not_a_node_id = '{ $value }' is geen node-id
invalid-not_a_signing_key = is geen ed25519-sleutel
invalid-not_an_encryption_key = is geen age-ontvanger
invalid-not_a_team_stakeholder = { $id } is geen van de stakeholders waar het netwerkteam voor zorgt
invalid-not_a_partner = { $id } is geen partner van dit partnerschap
invalid-name_a_participant = noem minstens één deelnemer
invalid-linked_to_itself = een kaart kan niet aan zichzelf worden gekoppeld
invalid-same_as_itself = een kaart is altijd dezelfde als zichzelf
invalid-not_an_object = een { $kind } is een object met velden
invalid-missing = ontbreekt
invalid-not_a_list = { $found ->
    [null] null
    [bool] waar of onwaar
    [number] een getal
    [list] een lijst
    [object] een object
   *[text] tekst
} waar een lijst wordt verwacht
invalid-wrong_type = { $found ->
    [null] null
    [bool] waar of onwaar
    [number] een getal
    [list] een lijst
    [object] een object
   *[text] tekst
} waar { $expected } wordt verwacht
invalid-in_field = { $field }: { $reason }
schema-expected = { $expected ->
    [email] een e-mailadres
    [phone] een telefoonnummer
    [web_address] een webadres
    [date] een datum (JJJJ-MM-DD)
    [date_time] een datum en tijd
    [record_id] een record-id
    [score] een score van 1 tot 5
    [days] een aantal dagen
    [bool] waar of onwaar
    [word] een van { $choices }
    [postal_address] een postadres
    [team_member] een teamlid
    [accountability] een verantwoordelijkheid
    [partner_accountability] een verantwoordelijkheid voor een partner
    [node_id] een node-id (16 hexadecimale cijfers)
    [hex] een sleutel in hexadecimale cijfers
    [age_recipient] een age-ontvanger (age1…)
   *[text] tekst
}
invalid-not_a_date = '{ $value }' is geen datum (gebruik JJJJ-MM-DD)
invalid-not_a_date_and_time = '{ $value }' is geen datum met tijd (gebruik RFC 3339, zoals 2026-11-01T09:30:00+01:00)
invalid-not_a_whole_number = { $value } is geen geheel getal
invalid-too_many_days = { $value } dagen is meer dan Kring telt
invalid-too_long = is { $chars } tekens lang; er zijn er hoogstens { $max } toegestaan
invalid-not_an_age_recipient = '{ $value }' is geen age-ontvanger
invalid-item_without_identity = een item zonder identiteit
invalid-no_card_to_log_with = geen kaart met id { $id } om '{ $subject }' mee te registreren
invalid-wrong_kind_of_card = { $id } is een { $kind }, verwacht: { $expected }
invalid-not_person_or_organisation = { $id } is een { $kind }, verwacht: persoon of organisatie
invalid-same_as_different_kinds = { $b } is een { $kind_b } en { $a } een { $kind_a }: alleen twee personen of twee organisaties kunnen dezelfde zijn
invalid-no_conflict = heeft geen conflict om op te lossen
invalid-no_losing_value = er is geen verliezende waarde nummer { $number }
invalid-kind_not_editable = records van de soort '{ $kind }' kunnen niet worden bewerkt door deze Kring
invalid-no_such_field = een { $kind } heeft geen zulk veld
invalid-updated_twice = { $id } wordt twee keer bijgewerkt
invalid-forget_without_reason = zeg waarom de persoon wordt vergeten (een dossiernummer, het artikel), zonder de persoon te noemen
invalid-not_a_record_body = is geen geldige inhoud van een record
invalid-private_on_shared_goal = { $name } is privé: deel het eerst, anders verlaat de id deze computer samen met de doelstelling
invalid-no_record_with_id = geen record met id { $id }
invalid-cannot_link_to_goal = een { $kind } kan niet aan een doelstelling gekoppeld worden: koppel een stakeholder, relatie, contactmoment of evenement
invalid-not_a_team_member = { $networker } is geen lid van { $team }
invalid-crosses_red_line = { $partner } overschrijdt de rode lijn ‘{ $line }’
invalid-not_an_organisation = { $id } is geen organisatie
invalid-succeeds_themselves = een netwerker kan zichzelf niet opvolgen
invalid-not_a_networker = { $id } is geen netwerker
invalid-has_left = { $name } heeft de organisatie verlaten: kies een collega die er nog is
invalid-nothing_to_hand_over = { $leaver } heeft geen relatie met { $stakeholder } om over te dragen
invalid-set_as_register = geschreven als één waarde, maar het is een verzameling waarvan de elementen één voor één worden toegevoegd
invalid-register_as_set = geschreven als element van een verzameling, maar het bevat één waarde
invalid-not_json = bevat bytes die geen JSON zijn
list-or = {" "}of{" "}

# Why a file Kring writes could not be written (files::write_failure_in).
files-write-disk-full = de schijf is vol (er is niets geschreven): maak ruimte vrij of schrijf naar een andere schijf
files-write-read-only = de schijf is alleen-lezen (er is niets geschreven): schrijf naar een andere map
files-write-not-allowed = deze gebruiker mag niet in die map schrijven (er is niets geschreven): schrijf naar een andere map
