# What `kring subject-access`, `forget`, `compact`, `restrict`, `retention`, `purpose`,
# `access-request`, `erasures` and `processing-log` write for people (crates/kring-cli/src/protection.rs).

protection-record-kind = { $kind ->
    [interaction] contactmoment
    [note] notitie
    [follow_up] opvolging
    [relationship] relatie
    [affiliation] functie
    [link] koppeling
    [event] evenement
    [partnership_review] evaluatie van een partnerschap
    [stakeholder_rating] stakeholderbeoordeling
    [person] persoon
    [organisation] organisatie
    [networker] netwerker
    [restriction] beperking
    [goal] doelstelling
    [team] netwerkteam
    [partnership] partnerschap
    [same_as] identiteitsgroep (zelfde als)
    [member] lid
    [purpose] doeleinde
    [forget] vergeetrecord
    [access_request] inzageverzoek
    [retention_rule] bewaarregel
   *[other] { $kind }
}
protection-access-bad-extension = { $file }: geef BESTAND.html (een pagina om te overhandigen) of BESTAND.json (voor programma's)
protection-access-written = inzageverslag voor { $name } ({ $records ->
    [one] { $records } record
   *[other] { $records } records
}, { $cards ->
    [one] { $cards } kaart
   *[other] { $cards } kaarten
}) geschreven naar { $file }
protection-access-private-elsewhere = wat collega's privé bijhouden, staat er niet in: `kring access-request raise { $id }` vraagt hun Kring om het voor hen op te lijsten
protection-forgot-organisation = { $subject } vergeten voor de organisatie (vergeetrecord { $record }, { $cards ->
    [one] { $cards } kaart
   *[other] { $cards } kaarten
}); elke databank die het ontvangt, wist de betrokkene ook
protection-forgot-local = { $subject } vergeten op deze databank ({ $cards ->
    [one] { $cards } privékaart
   *[other] { $cards } privékaarten
}): niets van de betrokkene heeft ze ooit verlaten
protection-removed-kind = { $kind }: { $count }
protection-swept = verwijderd: { $removed }; { $changed ->
    [one] { $changed } record zonder de betrokkene bewaard
   *[other] { $changed } records zonder de betrokkene bewaard
}; { $history ->
    [one] { $history } vroegere waarde uit de geschiedenis verwijderd
   *[other] { $history } vroegere waarden uit de geschiedenis verwijderd
}
protection-swept-nothing = niets
protection-compact-hint = voer `kring compact` uit om hun bytes uit de bestanden en reservekopieën van de databank te verwijderen
protection-compacted = { $path } herschreven ({ $trees } bomen, { $entries } items): { $before } → { $after } bytes
protection-compact-progress = { $done }/{ $total } items gekopieerd ({ $percent }%)
protection-compact-stopped = Comprimeren gestopt: kaarten en hun geschiedenis zijn zoals ze waren.
protection-backup-rewritten = reservekopie { $path } herschreven
protection-held-dropped = tegengehouden bundel { $path } verwijderd (de afzender stuurt hem opnieuw)
protection-sync-file-dropped = { $path } uit de synchronisatiemap verwijderd (de volgende synchronisatie schrijft een nieuwe)
protection-inbox-emptied = de importinbox is leeggemaakt
protection-unreadable-warning = waarschuwing: { $path } kan niet gelezen worden en is dus niet nagekeken: verwijder het als er een gewiste persoon in kan staan
protection-lifted = de markering op { $id } is opgeheven
protection-marked = { $id } gemarkeerd als { $status ->
    [objected] bezwaar gemaakt
    [restricted] beperkt
   *[other] { $status }
}: blijft buiten herinneringen, opvolgingslijsten, nieuwsbrieven en uitnodigingen tot een manager dit opheft
protection-after-unreadable = --after '{ $text }': geef een aantal dagen (2190) of jaren (6y)
protection-rule-added = ze geldt de volgende keer dat Kring deze databank opent (elke opdracht behalve `kring retention`) en op elke databank die ze ontvangt: bekijk eerst wat ze zou doen met `kring retention --dry-run`
protection-no-rules = Geen bewaarregels: records worden bewaard tot ze verwijderd of gewist worden.
protection-rule = { $name }: { $action ->
    [clear] leegmaken van
    [remove] verwijderen van
    [propose_erasure] wissen voorstellen van
   *[other] { $action }
} { $kind } na { $days } dagen{ $fields } ({ $reference })
protection-not-a-rule = { $id } is geen bewaarregel: zie kring retention rules
protection-rule-removed = bewaarregel { $id } verwijderd
protection-not-proposed = { $id } is niet voorgesteld om te wissen (zie kring retention --dry-run); niemand werd gewist
protection-erasure-for-a-manager = { $id } is gekend bij de organisatie: een netwerkmanager bevestigt het wissen; niemand werd gewist
protection-forgot-confirmed = { $subject } vergeten ({ $records ->
    [one] { $records } record verwijderd
   *[other] { $records } records verwijderd
})
protection-no-rules-to-apply = Geen bewaarregels (een netwerkmanager voegt ze toe: kring retention add …).
protection-rule-applied = { $name }: { $action ->
    [clear] leegmaken van
    [remove] verwijderen van
    [propose_erasure] wissen voorstellen van
   *[other] { $action }
} { $kind } na { $days } dagen ({ $reference }): { $dry_run ->
    [yes] zou
   *[no] heeft
} { $records ->
    [one] { $records } record
   *[other] { $records } records
} { $dry_run ->
    [yes] betreffen
   *[no] betroffen
}
protection-record-removed = verwijderd
protection-record-cleared = leeggemaakt: { $fields }
protection-records-more = … en nog { $count } (--json lijst er tot 1.000 op)
protection-proposals = voorgesteld om te wissen (bevestig elk: kring retention --confirm ID…):
protection-proposal = { $name }  laatste activiteit { $last }  ({ $rule }){ $here ->
    [yes] {""}
   *[no] ; een manager wist hen
}
protection-dry-run = proefdraai: er is niets veranderd
protection-compact-hint-retention = voer `kring compact` uit om de bytes van wat wegging uit de bestanden van de databank te verwijderen
protection-lawful-basis = { $basis ->
    [consent] toestemming van de betrokkene
    [contract] een overeenkomst met de betrokkene
    [legal_obligation] een wettelijke verplichting van de organisatie
    [vital_interests] de vitale belangen van een persoon
    [public_task] een taak van algemeen belang of in het kader van de uitoefening van het openbaar gezag
    [legitimate_interests] de gerechtvaardigde belangen van de organisatie
   *[other] { $basis }
}
protection-lawful-basis-article = { $basis ->
    [consent] art. 6, lid 1, a), AVG
    [contract] art. 6, lid 1, b), AVG
    [legal_obligation] art. 6, lid 1, c), AVG
    [vital_interests] art. 6, lid 1, d), AVG
    [public_task] art. 6, lid 1, e), AVG
   *[legitimate_interests] art. 6, lid 1, f), AVG
}
protection-purpose-default = {"["}standaard van Kring: er is geen doeleinde vastgelegd]
protection-request-raised = het reist mee in uw volgende master; de Kring van elke collega lijst dan op wat die privé over de betrokkene bijhoudt
protection-no-requests = Geen inzageverzoeken.
protection-request = betrokkene { $person }  ontvangen { $received }
protection-request-reference = ref. { $reference }
protection-request-answered = beantwoord { $day }
protection-request-nothing-private = deze databank houdt niets privé over de betrokkene bij
protection-request-private = privé bijgehouden op deze databank (u beslist wat u overhandigt; `kring subject-access ID --out BESTAND` schrijft het uit):
protection-request-answered-on = inzageverzoek { $id } beantwoord op { $day }
protection-no-erasures = Niemand werd gewist.
protection-erasure = betrokkene { $person }  { $cards ->
    [one] { $cards } kaart
   *[other] { $cards } kaarten
}  door { $by }  { $place }: { $reason }
protection-erasure-local = alleen op deze databank
protection-erasure-forget = vergeetrecord { $record }
protection-log-empty = Nog niets gelogd.
protection-activity = { $activity ->
    [subject_access] inzageverslag
    [access_request] inzageverzoek
    [erasure] wissen
    [restriction] beperking
    [retention] bewaring
    [compaction] compactering
    [export] export
    [report] verslag
    [transparency] transparantie
    [contacts_export] contactexport
   *[other] { $activity }
}
protection-log-records = { $count ->
    [one] record
   *[other] records
}
protection-relation = { $kind ->
    [their_card] de kaart van de betrokkene
    [affiliation] waar de betrokkene werkt of werkte
    [relationship] de relatie van een collega met de betrokkene
    [interaction] een vergadering of contact waaraan de betrokkene deelnam
    [follow_up] een opvolging over de betrokkene
    [note] een notitie over de betrokkene
    [link] een koppeling tussen de betrokkene en een andere kaart
    [same_as] een verklaring over welke kaarten de betrokkene zijn
    [event] een evenement of nieuwsbrief waarvoor de betrokkene uitgenodigd was of waarop die aanwezig was
    [goal] een strategische doelstelling die de betrokkene noemt
    [team] een netwerkteam dat de betrokkene opvolgt
    [partnership] een partnerschap dat de betrokkene noemt
    [stakeholder_rating] de inschatting door een collega van de invloed en het belang van de betrokkene
    [restriction] het bezwaar of de beperking van de betrokkene
    [access_request] een verzoek om inzage in de gegevens van de betrokkene
    [forget] het wissen van de gegevens van de betrokkene
   *[other] een record dat de betrokkene noemt
}
# Waarom kring-core een handeling weigert (`ProtectionError::Refused`), voor de opdrachtregel en de app.
protection-refused-purposes = alleen een netwerkmanager legt de doeleinden van de organisatie vast
protection-refused-rules = alleen een netwerkmanager stelt bewaarregels in
protection-refused-access-not-a-person = { $id } is een { $kind }: een inzageverslag gaat over een persoon
protection-refused-access-request = alleen een netwerkmanager dient een inzageverzoek in voor de organisatie; een inzageverslag geeft wat uw eigen databank over de betrokkene bijhoudt
protection-refused-not-proposed = { $id } wordt niet voorgesteld om te wissen (er was contact binnen de termijn van elke regel, of geen enkele regel stelt personen voor): de proefdraai van de bewaarregels toont wie wel
protection-refused-restriction-not-a-person = { $id } is een { $kind }: alleen een persoon maakt bezwaar of wordt beperkt
protection-refused-not-marked = { $id } is niet gemarkeerd met bezwaar of beperking
protection-refused-forget-not-a-person = { $id } is een { $kind }: alleen een persoon wordt vergeten (een organisatie of een collega is hier geen betrokkene)
protection-refused-forget-shared = { $name } ({ $id }) is bekend bij de organisatie: alleen een netwerkmanager wist een persoon voor iedereen, vraag dus uw netwerkmanager om de betrokkene te vergeten; intussen kunt u uw eigen notities, vergaderingen en relaties over de betrokkene verwijderen
protection-refused-forgotten-already = { $id } werd al vergeten (vergeetrecord { $record })
