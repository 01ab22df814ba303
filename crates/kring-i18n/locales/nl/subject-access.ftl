# Het inzageverslag (art. 15 AVG) dat kring-core schrijft voor de betrokkene, het standaard
# doeleinde van Kring en de regels van het verwerkingslogboek.

access-title = Inzageverslag: { $name }
access-generated = Opgemaakt op { $day } om { $time } (UTC) door { $by } ({ $role }) uit de Kring-databank op diens computer. { $count ->
    [one] Kaart
   *[other] Kaarten
}: { $cards }.
access-role = { $role ->
    [manager] netwerkmanager
   *[other] netwerker
}
access-marked = { $status ->
    [objected] Gemarkeerd met bezwaar (art. 21 AVG)
    [restricted] Gemarkeerd als beperkt (art. 18 AVG)
   *[other] Gemarkeerd: { $status }
}
access-marked-since = { $mark } sinds { $day }.
access-marked-alone = { $mark }.
access-purposes-heading = Waarom de organisatie dit bijhoudt, en op welke grond
access-purpose = Doeleinde
access-lawful-basis = Rechtsgrond
access-data-categories = Wat wordt bijgehouden
access-recipients-heading = Wie het ontvangt
access-retention-heading = Hoelang het wordt bewaard
access-no-retention = Er is geen bewaarregel ingesteld: records worden bewaard tot ze worden verwijderd of de betrokkene wordt gewist.
access-rule = Regel
access-applies-to = Geldt voor
access-after = Na
access-legal-reference = Juridische referentie
access-action = { $action ->
    [clear] velden leeggemaakt
    [remove] verwijderd
    [propose_erasure] voorgesteld om te wissen
   *[other] { $action }
}
access-days = { $count ->
    [one] { $days } dag
   *[other] { $days } dagen
}
access-rights-heading = Uw rechten
access-right = { $right ->
    [access] Inzage (art. 15 AVG): dit verslag; u kunt het op elk moment opnieuw vragen.
    [rectification] Rectificatie (art. 16 AVG): vraag om een onjuiste waarde te verbeteren.
    [erasure] Wissing (art. 17 AVG): vraag om vergeten te worden; Kring wist u dan op elke computer van de organisatie, en een oude kopie kan u niet terugbrengen.
    [restriction_and_objection] Beperking (art. 18 AVG) en bezwaar (art. 21 AVG): vraag dat uw gegevens bewaard maar niet gebruikt worden; u blijft dan buiten herinneringen, nieuwsbrieven en uitnodigingen.
   *[complaint] Klacht (art. 77 AVG): bij de toezichthoudende autoriteit (in België de Gegevensbeschermingsautoriteit; voor Vlaamse overheidsinstanties de Vlaamse Toezichtcommissie). U kunt eerst de functionaris voor gegevensbescherming van de organisatie aanspreken als u dat wenst.
}
access-items-heading = Wat wordt bijgehouden ({ $count ->
    [one] { $records } record
   *[other] { $records } records
})
access-visibility = { $visibility ->
    [private] alleen op deze computer bijgehouden
    [summary] de organisatie ziet alleen de naam
   *[shared] gedeeld met de organisatie
}
access-deleted = { $state }; verwijderd, nog niet gewist
access-private-contact = laatste contact genoteerd op deze computer
access-source = Gemaakt door { $author } op { $created }; laatst gewijzigd { $changed }; waarden geschreven door { $writers }.
access-captured-from = Overgenomen uit agenda- of e-mailitem { $item }.
access-unknown-author = een onbekende
access-unknown-day = een onbekende dag
access-moment = { $day }, { $time }
access-earlier-values = Vroegere waarden die nog worden bewaard:
access-field = Veld
access-value = Waarde
access-written = Geschreven
access-written-by = { $moment } door { $writer }
access-conflict = Collega's schreven { $field } tegelijk: { $kept } (behouden), en { $others }.
access-this-store = { $owner } (deze databank)
access-store = databank { $node }
access-recipient-members = de leden van de organisatie in Kring, die ontvangen wat gedeeld wordt (alleen de naam, voor wat als samenvatting is gemarkeerd) via de samengevoegde export van de netwerkmanager: { $members }

# Het doeleinde van Kring wanneer de organisatie er geen heeft vastgelegd.
access-default-purpose = Strategisch relatiebeheer
access-default-purpose-description = De relaties van de organisatie met personen en organisaties daarbuiten bijhouden, zodat het netwerk de taak van algemeen belang van de organisatie dient en blijft bestaan wanneer een collega vertrekt.
access-default-recipient-keeper = de collega die de kaart bijhoudt
access-default-recipient-manager = de netwerkmanager van de organisatie
access-default-recipient-colleagues = collega's van de organisatie, voor wat gedeeld wordt
access-default-category-contact = naam, functietitel en contactgegevens
access-default-category-affiliations = functies bij organisaties
access-default-category-history = vergaderingen, notities en opvolgingen

# Een regel van het verwerkingslogboek in woorden.
processing-person = betrokkene { $person }
processing-request-raised = verzoek { $request } voor betrokkene { $person }
processing-request-answered = verzoek { $request } beantwoord
processing-restriction = betrokkene { $person }: { $status ->
    [objected] bezwaar gemaakt
    [restricted] beperkt
    [lifted] markering opgeheven
   *[other] { $status }
}
processing-erasure-forget = , vergeetrecord { $record }
processing-erasure-private = , { $count ->
    [one] { $cards } privékaart
   *[other] { $cards } privékaarten
} op deze databank
processing-retention = { $rules ->
    [one] { $rules_number } regel
   *[other] { $rules_number } regels
}: { $records ->
    [one] { $records_number } record verwijderd of leeggemaakt
   *[other] { $records_number } records verwijderd of leeggemaakt
}, { $proposals ->
    [one] { $proposals_number } voorstel
   *[other] { $proposals_number } voorstellen
}
processing-compaction = databank herschreven ({ $entries } items); { $backups ->
    [one] { $backups_number } reservekopie
   *[other] { $backups_number } reservekopieën
} herschreven, { $held } tegengehouden en { $sync_files ->
    [one] { $sync_files_number } synchronisatiebestand
   *[other] { $sync_files_number } synchronisatiebestanden
} verwijderd
processing-wrote = { $file } geschreven
