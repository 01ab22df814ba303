# Die roten Linien einer Partnerschaft, wie man sie liest (der Bericht, die Bildschirme).
red-line-tag = kein Partner mit dem Schlagwort „{ $tag }“
red-line-sector = kein Partner aus dem { $sector }
red-line-sector-public = öffentlichen Sektor
red-line-sector-business = Unternehmenssektor
red-line-sector-social = Sozialsektor
red-line-sector-voluntary = Ehrenamtssektor
red-line-sector-knowledge = Wissenssektor
red-line-sector-media = Mediensektor
red-line-sector-other = anderen Sektor
