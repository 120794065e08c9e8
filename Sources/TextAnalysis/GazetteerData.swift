/// The bundled gazetteer, compiled into the binary so that no resource bundle has to be found at
/// run time. Facts only (names, spellings, affiliations), in this project's own format.
///
/// One entity per line, fields separated by `|`:
///
///     kind | id | Canonical Name | alias; alias; ... | affiliation-id | role, role | demonym; ... | people; ...
///
/// - kind: `person`, `org`, `place` or `group`.
/// - id: lower-case ASCII and hyphens, unique; `EntityMention.entityID` carries it.
/// - aliases: every other spelling, in any script. A trailing `?` marks a weak alias, a surname so
///   common as a word ("May", "Bali") that text must show it with a title or in the possessive.
///   A trailing `~` marks a description ("US-backed force"): never recognized as a name, only
///   read as the entity in a speaker's words when the same article names the entity too.
///   Articles (al-, el-, ez-), hyphens, periods, apostrophes, diacritics and Russian case endings
///   are normalized away, so "Deir al-Zor" also covers "Deir Al Zor"; list the other spellings.
/// - affiliation: the id of the body a person speaks for or a place lies in; may be empty.
/// - roles: lower-case, comma-separated.
/// - demonyms (places): adjectives that name the place and, before a role noun, make a group.
/// - people (places): plural nouns for its people, which are groups ("Russians", "Kurds").
///
/// Trailing fields may be left out. `#` starts a comment line. `ambiguous | alias` declares that
/// an alias may name several entries of one kind; lookup then answers nil for it.
let gazetteerData = """
    # Countries: name | aliases | demonyms | peoples
    place | russia | Russia | Russian Federation; RF; Россия; Российская Федерация; РФ | | | Russian; российский; российская | Russians; россияне
    place | united-states | United States | U.S.; US; USA; U.S.A.; United States of America; America; США; Соединенные Штаты | | | American; U.S.; US; американский | Americans; американцы
    place | syria | Syria | Syrian Arab Republic; Сирия; САР | | | Syrian; сирийский | Syrians
    place | ukraine | Ukraine | the Ukraine; Украина | | | Ukrainian; украинский | Ukrainians; украинцы
    place | united-kingdom | United Kingdom | Britain; Great Britain; UK; U.K.; Великобритания; Британия | | | British; UK; U.K.; британский | Britons; Brits
    place | belarus | Belarus | Byelorussia; Беларусь; Белоруссия | | | Belarusian; Belarussian; Byelorussian; белорусский | Belarusians
    place | turkey | Turkey | Turkiye; Türkiye; Турция | | | Turkish; турецкий | Turks
    place | iran | Iran | Islamic Republic of Iran; Persia; Иран | | | Iranian; иранский | Iranians
    place | iraq | Iraq | Republic of Iraq; Ирак | | | Iraqi; иракский | Iraqis
    place | israel | Israel | Израиль | | | Israeli; израильский | Israelis
    place | lebanon | Lebanon | Ливан | | | Lebanese
    place | jordan | Jordan | Иордания | | | Jordanian | Jordanians
    place | saudi-arabia | Saudi Arabia | Kingdom of Saudi Arabia; KSA; Саудовская Аравия | | | Saudi | Saudis
    place | egypt | Egypt | Египет | | | Egyptian | Egyptians
    place | qatar | Qatar | Катар | | | Qatari | Qataris
    place | united-arab-emirates | United Arab Emirates | UAE; Emirates; ОАЭ | | | Emirati | Emiratis
    place | kuwait | Kuwait | | | | Kuwaiti
    place | bahrain | Bahrain | | | | Bahraini
    place | oman | Oman | | | | Omani
    place | yemen | Yemen | Йемен | | | Yemeni | Yemenis
    place | libya | Libya | Ливия | | | Libyan | Libyans
    place | tunisia | Tunisia | | | | Tunisian
    place | algeria | Algeria | | | | Algerian
    place | morocco | Morocco | | | | Moroccan
    place | sudan | Sudan | | | | Sudanese
    place | south-sudan | South Sudan | | | | South Sudanese
    place | ethiopia | Ethiopia | | | | Ethiopian
    place | somalia | Somalia | | | | Somali
    place | kenya | Kenya | | | | Kenyan
    place | nigeria | Nigeria | | | | Nigerian
    place | south-africa | South Africa | | | | South African
    place | mali | Mali | | | | Malian
    place | niger | Niger | | | | Nigerien
    place | chad | Chad | | | | Chadian
    place | afghanistan | Afghanistan | Афганистан | | | Afghan | Afghans
    place | pakistan | Pakistan | Пакистан | | | Pakistani
    place | india | India | Индия | | | Indian | Indians
    place | china | China | People's Republic of China; PRC; Китай; КНР | | | Chinese; китайский
    place | japan | Japan | Япония | | | Japanese; японский
    place | north-korea | North Korea | DPRK; Democratic People's Republic of Korea; КНДР; Северная Корея | | | North Korean; северокорейский | North Koreans
    place | south-korea | South Korea | Republic of Korea; ROK; Южная Корея | | | South Korean; южнокорейский | South Koreans
    place | indonesia | Indonesia | Индонезия | | | Indonesian
    place | malaysia | Malaysia | Малайзия | | | Malaysian | Malaysians
    place | singapore | Singapore | Сингапур | | | Singaporean
    place | australia | Australia | Австралия | | | Australian | Australians
    place | new-zealand | New Zealand | | | | New Zealand
    place | philippines | Philippines | | | | Philippine; Filipino | Filipinos
    place | vietnam | Vietnam | Viet Nam; Вьетнам | | | Vietnamese
    place | thailand | Thailand | | | | Thai
    place | myanmar | Myanmar | Burma | | | Burmese
    place | bangladesh | Bangladesh | | | | Bangladeshi
    place | sri-lanka | Sri Lanka | | | | Sri Lankan
    place | nepal | Nepal | | | | Nepalese
    place | mongolia | Mongolia | | | | Mongolian
    place | kazakhstan | Kazakhstan | Казахстан | | | Kazakh
    place | uzbekistan | Uzbekistan | Узбекистан | | | Uzbek
    place | kyrgyzstan | Kyrgyzstan | Киргизия | | | Kyrgyz
    place | tajikistan | Tajikistan | Таджикистан | | | Tajik
    place | turkmenistan | Turkmenistan | | | | Turkmen
    place | azerbaijan | Azerbaijan | Азербайджан | | | Azerbaijani; Azeri
    place | armenia | Armenia | Армения | | | Armenian
    place | georgia | Georgia | Грузия | | | Georgian; грузинский
    place | moldova | Moldova | Молдавия | | | Moldovan
    place | poland | Poland | Польша | | | Polish; польский | Poles
    place | lithuania | Lithuania | Литва | | | Lithuanian; литовский | Lithuanians
    place | latvia | Latvia | Латвия | | | Latvian | Latvians
    place | estonia | Estonia | Эстония | | | Estonian; эстонский | Estonians
    place | finland | Finland | Финляндия | | | Finnish | Finns
    place | sweden | Sweden | Швеция | | | Swedish | Swedes
    place | norway | Norway | Норвегия | | | Norwegian
    place | denmark | Denmark | Дания | | | Danish | Danes
    place | iceland | Iceland | | | | Icelandic
    place | germany | Germany | Федеративная Республика Германия; ФРГ; Германия | | | German; немецкий | Germans
    place | france | France | Франция | | | French; французский
    place | netherlands | Netherlands | the Netherlands; Holland; Нидерланды | | | Dutch; нидерландский
    place | belgium | Belgium | Бельгия | | | Belgian
    place | luxembourg | Luxembourg | | | | Luxembourgish
    place | switzerland | Switzerland | Швейцария | | | Swiss
    place | austria | Austria | Австрия | | | Austrian
    place | italy | Italy | Италия | | | Italian | Italians
    place | spain | Spain | Испания | | | Spanish
    place | portugal | Portugal | | | | Portuguese
    place | ireland | Ireland | Republic of Ireland; Ирландия | | | Irish
    place | greece | Greece | Греция | | | Greek | Greeks
    place | cyprus | Cyprus | Кипр | | | Cypriot
    place | bulgaria | Bulgaria | Болгария | | | Bulgarian
    place | romania | Romania | Румыния | | | Romanian
    place | hungary | Hungary | Венгрия | | | Hungarian
    place | czech-republic | Czech Republic | Czechia; Чехия | | | Czech
    place | slovakia | Slovakia | | | | Slovak
    place | slovenia | Slovenia | | | | Slovenian
    place | croatia | Croatia | | | | Croatian
    place | serbia | Serbia | Сербия | | | Serbian | Serbs
    place | bosnia | Bosnia and Herzegovina | Bosnia | | | Bosnian
    place | montenegro | Montenegro | | | | Montenegrin
    place | north-macedonia | North Macedonia | Macedonia | | | Macedonian
    place | albania | Albania | | | | Albanian
    place | kosovo | Kosovo | | | | Kosovar
    place | canada | Canada | Канада | | | Canadian | Canadians
    place | mexico | Mexico | Мексика | | | Mexican | Mexicans
    place | cuba | Cuba | Куба | | | Cuban
    place | venezuela | Venezuela | Венесуэла | | | Venezuelan
    place | colombia | Colombia | | | | Colombian
    place | brazil | Brazil | Бразилия | | | Brazilian
    place | argentina | Argentina | | | | Argentine; Argentinian
    place | chile | Chile | | | | Chilean
    place | peru | Peru | | | | Peruvian
    place | bolivia | Bolivia | | | | Bolivian
    place | ecuador | Ecuador | | | | Ecuadorian
    place | nicaragua | Nicaragua | | | | Nicaraguan
    place | haiti | Haiti | | | | Haitian
    place | dominican-republic | Dominican Republic | | | | Dominican
    place | puerto-rico | Puerto Rico | | | | Puerto Rican
    place | dominica | Dominica | | | |
    place | guadeloupe | Guadeloupe | | | |
    place | montserrat | Montserrat | | | |
    place | saint-kitts-and-nevis | St. Kitts and Nevis | Saint Kitts and Nevis; St Kitts and Nevis | | |
    place | palestinian-territories | Palestinian Territories | Palestine; occupied Palestinian territories | | | Palestinian | Palestinians
    place | gaza | Gaza | Gaza Strip; Газа; сектор Газа | | | Gazan
    place | west-bank | West Bank | | | |
    place | crimea | Crimea | Crimean Peninsula; Крым | | | Crimean; крымский
    place | kurdistan | Kurdistan | Kurdistan region; Iraqi Kurdistan; Kurdistan Region of Iraq | | | Kurdish; курдский | Kurds; курды
    place | the-west | the West | West | | | Western; западный
    place | europe | Europe | Европа | | | European; европейский | Europeans
    place | middle-east | Middle East | Ближний Восток | | | Middle Eastern
    place | baltic-states | Baltic states | Baltics; Прибалтика | | | Baltic
    place | balkans | Balkans | | | |
    place | caucasus | Caucasus | Кавказ | | | Caucasian
    place | arctic | Arctic | Арктика | | | Arctic
    place | africa | Africa | Африка | | | African
    place | asia | Asia | Азия | | | Asian
    place | latin-america | Latin America | | | | Latin American
    place | soviet-union | Soviet Union | USSR; U.S.S.R.; СССР | | | Soviet; советский
    place | vatican | Vatican | Holy See; Vatican City | | |

    # Capitals and major cities: name | aliases | (country) | | demonyms
    place | moscow | Moscow | Москва; Moskva | russia | capital | Muscovite
    place | saint-petersburg | St. Petersburg | Saint Petersburg; St Petersburg; Санкт-Петербург; Петербург | russia
    place | kaliningrad | Kaliningrad | Калининград; Kaliningrad region; Kaliningrad Oblast | russia
    place | rostov-on-don | Rostov-on-Don | Rostov; Ростов-на-Дону; Ростов | russia
    place | krasnodar | Krasnodar | Краснодар; Krasnodar region; Krasnodar Krai | russia
    place | yekaterinburg | Yekaterinburg | Ekaterinburg; Екатеринбург | russia
    place | pskov | Pskov | Псков; Pskov region | russia
    place | leningrad-region | Leningrad region | Leningrad Oblast; Ленинградская область | russia
    place | sochi | Sochi | Сочи | russia
    place | novosibirsk | Novosibirsk | Новосибирск | russia
    place | vladivostok | Vladivostok | Владивосток | russia
    place | murmansk | Murmansk | Мурманск | russia
    place | chechnya | Chechnya | Chechen Republic; Чечня | russia | | Chechen
    place | dagestan | Dagestan | Дагестан | russia
    place | sevastopol | Sevastopol | Sebastopol; Севастополь | crimea
    place | simferopol | Simferopol | Симферополь | crimea
    place | kerch | Kerch | Керчь | crimea
    place | washington | Washington | Washington, D.C.; Washington DC; Вашингтон | united-states | capital
    place | new-york | New York | New York City; NYC; Нью-Йорк | united-states
    place | los-angeles | Los Angeles | | united-states
    place | chicago | Chicago | | united-states
    place | detroit | Detroit | | united-states
    place | baltimore | Baltimore | | united-states
    place | london | London | Лондон | united-kingdom | capital | Londoner
    place | salisbury | Salisbury | Солсбери | united-kingdom
    place | porton-down | Porton Down | Портон-Даун | united-kingdom
    place | wiltshire | Wiltshire | | united-kingdom
    place | amesbury | Amesbury | | united-kingdom
    place | cambridge | Cambridge | | united-kingdom
    place | dover | Dover | | united-kingdom
    place | hounslow | Hounslow | | united-kingdom
    place | parsons-green | Parsons Green | | london
    place | manchester | Manchester | | united-kingdom
    place | edinburgh | Edinburgh | | united-kingdom
    place | scotland | Scotland | | united-kingdom | | Scottish
    place | wales | Wales | | united-kingdom | | Welsh
    place | england | England | | united-kingdom | | English
    place | northern-ireland | Northern Ireland | | united-kingdom
    place | damascus | Damascus | Дамаск | syria | capital
    place | aleppo | Aleppo | Halab; Алеппо; Халеб | syria
    place | homs | Homs | Хомс | syria
    place | hama | Hama | Хама | syria
    place | idlib | Idlib | Idleb; Идлиб | syria
    place | latakia | Latakia | Lattakia; Латакия | syria
    place | tartus | Tartus | Tartous; Тартус | syria
    place | raqqa | Raqqa | Raqa; Rakka; Ar-Raqqa; Ракка | syria
    place | palmyra | Palmyra | Tadmur; Пальмира | syria
    place | deir-ez-zor | Deir ez-Zor | Deir al-Zor; Deir el-Zour; Deir al-Zour; Deir Ezzor; Deir ez-Zour; Dayr az Zawr; Dayr Az Zor; Deir Az Zor; Deir el-Zor; Deir Zor; Дейр-эз-Зор; Дейр-эз-Зоре | syria
    place | deir-ez-zor-province | Deir ez-Zor province | Deir al-Zor province; Deir ez-Zor governorate; Deir al-Zor Governorate; Deir el-Zour province; Deir Ezzor province | syria
    place | euphrates | Euphrates | Euphrates River; Euphrates river; River Euphrates; Евфрат; Furat | syria
    place | tigris | Tigris | Tigris River | iraq
    place | conoco-gas-field | Conoco gas field | Conoco field; Conoco gas plant; Conoco plant; Conoco | syria
    place | al-omar-oil-field | al-Omar oil field | Omar oil field | syria
    place | al-sinaaiya | al-Sinaaiya | Sinaaiya industrial area; al-Sinaaiya industrial area; Al-Sinaaiya | deir-ez-zor
    place | mayadin | Mayadin | al-Mayadeen; Mayadeen; Маядин | syria
    place | abu-kamal | Abu Kamal | Albu Kamal; al-Bukamal; Bukamal; Абу-Кемаль | syria
    place | hasakah | Hasakah | al-Hasakah; Hasaka; Хасака | syria
    place | qamishli | Qamishli | Камышлы | syria
    place | kobani | Kobani | Ain al-Arab; Кобани | syria
    place | manbij | Manbij | Манбидж | syria
    place | afrin | Afrin | Африн | syria
    place | al-tanf | al-Tanf | Tanf; At Tanf; Эт-Танф | syria
    place | hmeimim | Hmeimim | Khmeimim; Hmeymim; Хмеймим | syria
    place | ghouta | Eastern Ghouta | Ghouta; Восточная Гута | syria
    place | daraa | Daraa | Deraa; Дараа | syria
    place | astana | Astana | Nur-Sultan; Астана | kazakhstan | capital
    place | baghdad | Baghdad | Багдад | iraq | capital
    place | mosul | Mosul | Мосул | iraq
    place | kirkuk | Kirkuk | Киркук | iraq
    place | erbil | Erbil | Irbil; Арбиль; Эрбиль | kurdistan
    place | basra | Basra | | iraq
    place | fallujah | Fallujah | | iraq
    place | tehran | Tehran | Тегеран | iran | capital
    place | ankara | Ankara | Анкара | turkey | capital
    place | istanbul | Istanbul | Стамбул | turkey
    place | beirut | Beirut | Бейрут | lebanon | capital
    place | amman | Amman | | jordan | capital
    place | riyadh | Riyadh | Эр-Рияд | saudi-arabia | capital
    place | doha | Doha | Доха | qatar | capital
    place | cairo | Cairo | Каир | egypt | capital
    place | jerusalem | Jerusalem | Иерусалим | israel | capital
    place | tel-aviv | Tel Aviv | | israel |
    place | sanaa | Sanaa | Сана | yemen
    place | tripoli | Tripoli | Триполи | libya
    place | kabul | Kabul | Кабул | afghanistan | capital
    place | islamabad | Islamabad | | pakistan | capital
    place | new-delhi | New Delhi | Delhi; Нью-Дели | india | capital
    place | beijing | Beijing | Peking; Пекин | china | capital
    place | tokyo | Tokyo | Токио | japan | capital
    place | hokkaido | Hokkaido | Хоккайдо | japan
    place | pyongyang | Pyongyang | Пхеньян | north-korea | capital
    place | sunan | Sunan | | north-korea
    place | seoul | Seoul | Сеул | south-korea | capital
    place | kuala-lumpur | Kuala Lumpur | Куала-Лумпур | malaysia | capital
    place | jakarta | Jakarta | Джакарта | indonesia
    place | canberra | Canberra | | australia | capital
    place | sydney | Sydney | | australia
    place | kyiv | Kyiv | Kiev; Киев; Київ | ukraine | capital
    place | kharkiv | Kharkiv | Kharkov; Харьков | ukraine
    place | kharkiv-region | Kharkiv region | Kharkiv Oblast; Kharkov region | ukraine
    place | odesa | Odesa | Odessa; Одесса | ukraine
    place | odesa-region | Odesa region | Odessa region; Odesa Oblast | ukraine
    place | mariupol | Mariupol | Мариуполь | ukraine
    place | berdyansk-city | Berdyansk | Berdiansk; Бердянск | ukraine
    place | nikopol-city | Nikopol | Никополь | ukraine
    place | donetsk | Donetsk | Донецк | ukraine
    place | donetsk-region | Donetsk region | Donetsk Oblast; Донецкая область | ukraine
    place | luhansk | Luhansk | Lugansk; Луганск | ukraine
    place | luhansk-region | Luhansk region | Lugansk region; Luhansk Oblast; Луганская область | ukraine
    place | donbas | Donbas | Donbass; Донбасс | ukraine
    place | hrabove | Hrabove | Grabovo; Hrabovo; Грабово | donetsk-region
    place | torez | Torez | Thorez; Торез | donetsk-region
    place | shakhtarsk | Shakhtarsk | Шахтерск | donetsk-region
    place | snizhne | Snizhne | Snezhnoye; Снежное | donetsk-region
    place | zaroshchenske | Zaroshchenske | Zaroshchenskoye; Зарощенское | donetsk-region
    place | lviv | Lviv | Lvov; Львов | ukraine
    place | dnipro | Dnipro | Dnipropetrovsk; Днепр | ukraine
    place | zaporizhzhia | Zaporizhzhia | Zaporozhye; Zaporizhia; Запорожье | ukraine
    place | kherson | Kherson | Херсон | ukraine
    place | mykolaiv | Mykolaiv | Nikolaev; Nikolayev; Николаев | ukraine
    place | vinnytsia | Vinnytsia | Vinnitsa; Винница | ukraine
    place | sumy | Sumy | Сумы | ukraine
    place | chernihiv | Chernihiv | Chernigov; Чернигов | ukraine
    place | minsk | Minsk | Минск | belarus | capital
    place | borisov | Borisov | Barysaw; Borisovsky range; Борисов | belarus
    place | brest | Brest | Брест | belarus
    place | vitebsk | Vitebsk | Витебск | belarus
    place | grodno | Grodno | Hrodna; Гродно | belarus
    place | vilnius | Vilnius | Вильнюс | lithuania | capital
    place | riga | Riga | Рига | latvia | capital
    place | tallinn | Tallinn | Таллин | estonia | capital
    place | warsaw | Warsaw | Варшава | poland | capital
    place | helsinki | Helsinki | Хельсинки | finland | capital
    place | stockholm | Stockholm | Стокгольм | sweden | capital
    place | oslo | Oslo | Осло | norway | capital
    place | copenhagen | Copenhagen | Копенгаген | denmark | capital
    place | berlin | Berlin | Берлин | germany | capital
    place | munich | Munich | Мюнхен | germany
    place | paris | Paris | Париж | france | capital
    place | brussels | Brussels | Брюссель | belgium |
    place | the-hague | The Hague | Гаага | netherlands | capital
    place | amsterdam | Amsterdam | Schiphol; Амстердам | netherlands | capital
    place | eindhoven | Eindhoven | | netherlands
    place | hilversum | Hilversum | | netherlands
    place | geneva | Geneva | Женева | switzerland
    place | vienna | Vienna | Вена | austria | capital
    place | rome | Rome | Рим | italy | capital
    place | madrid | Madrid | Мадрид | spain | capital
    place | lisbon | Lisbon | | portugal
    place | dublin | Dublin | | ireland
    place | athens | Athens | Афины | greece | capital
    place | sofia | Sofia | | bulgaria | capital
    place | bucharest | Bucharest | | romania | capital
    place | budapest | Budapest | Будапешт | hungary | capital
    place | prague | Prague | Прага | czech-republic | capital
    place | belgrade | Belgrade | Белград | serbia | capital
    place | tbilisi | Tbilisi | Тбилиси | georgia | capital
    place | yerevan | Yerevan | Ереван | armenia | capital
    place | baku | Baku | Баку | azerbaijan | capital
    place | chisinau | Chisinau | Кишинев | moldova | capital
    place | ottawa | Ottawa | Оттава | canada | capital
    place | oshawa | Oshawa | | canada
    place | mexico-city | Mexico City | Мехико | mexico | capital
    place | puebla | Puebla | | mexico
    place | havana | Havana | Гавана | cuba | capital
    place | caracas | Caracas | | venezuela | capital
    place | brasilia | Brasilia | | brazil
    place | buenos-aires | Buenos Aires | | argentina
    place | gulf-states | Gulf | Persian Gulf; Arabian Gulf | | | Gulf

    # Waters, regions and event sites
    place | kerch-strait | Kerch Strait | Strait of Kerch; Kerch Straits; Керченский пролив | crimea
    place | crimean-bridge | Crimean Bridge | Kerch bridge; Kerch Strait Bridge; Крымский мост | crimea
    place | sea-of-azov | Sea of Azov | Azov Sea; Azov; Азовское море | | | Azov
    place | black-sea | Black Sea | Черное море | | | Black Sea
    place | baltic-sea | Baltic Sea | Балтийское море
    place | mediterranean | Mediterranean | Mediterranean Sea; Средиземное море | | | Mediterranean
    place | caspian-sea | Caspian Sea | Caspian; Каспийское море | | | Caspian
    place | red-sea | Red Sea | Красное море
    place | sea-of-japan | Sea of Japan | East Sea; Японское море
    place | pacific | Pacific Ocean | Pacific; Тихий океан | | | Pacific
    place | atlantic | Atlantic Ocean | Atlantic; Атлантический океан | | | Atlantic; transatlantic
    place | north-sea | North Sea | Северное море
    place | bosphorus | Bosphorus | Bosporus; Босфор | turkey
    place | golan-heights | Golan Heights | Golan; Голанские высоты
    place | sinai | Sinai | Sinai Peninsula; Синай | egypt
    place | zapad-ranges-luzhsky | Luzhsky range | Luga range; Luzhsky; Лужский полигон | leningrad-region
    place | strugi-krasnye | Strugi Krasnye | Струги Красные | russia
    place | pravdinsky | Pravdinsky range | Pravdinsky | kaliningrad
    place | donetsk-airport | Donetsk airport | Donetsk International Airport | donetsk
    place | elysium-planitia | Elysium Planitia | | mars
    place | mars | Mars | Марс
    place | leeward-islands | Leeward Islands | | 
    place | yabucoa | Yabucoa | | puerto-rico
    place | lordstown | Lordstown | | united-states
    place | hamtramck | Hamtramck | Detroit-Hamtramck | united-states

    place | idlib-province | Idlib province | Idlib governorate | syria
    place | raqqa-province | Raqqa province | Raqqa governorate | syria
    place | east-bank | east bank of the Euphrates | east bank; eastern bank of the Euphrates | euphrates
    place | sinjar | Sinjar | Синджар | iraq
    place | anbar | Anbar | Anbar province; Анбар | iraq
    place | nineveh | Nineveh | Ninawa; Nineveh province | iraq
    place | siberia | Siberia | Сибирь | russia
    place | urals | Urals | Урал | russia
    place | north-caucasus | North Caucasus | Северный Кавказ | russia
    place | transnistria | Transnistria | Trans-Dniester; Приднестровье | moldova
    place | abkhazia | Abkhazia | Абхазия | georgia
    place | south-ossetia | South Ossetia | Южная Осетия | georgia
    place | nagorno-karabakh | Nagorno-Karabakh | Karabakh; Нагорный Карабах | azerbaijan
    place | suwalki-gap | Suwalki Gap | Suwalki corridor | poland
    place | kurdistan-syria | Rojava | Northern Syria; Kurdish-held northern Syria | syria

    # Armed groups and parties to the conflicts
    org | islamic-state | Islamic State | IS; ISIS; Isis; ISIL; Daesh; Daech; Islamic State group; Islamic State of Iraq and the Levant; Islamic State of Iraq and Syria; Исламское государство; ИГ; ИГИЛ; ДАИШ; Даиш | | | | 
    org | sdf | Syrian Democratic Forces | SDF; Сирийские демократические силы; СДС; QSD; US-backed Syrian Democratic Forces; U.S.-backed Syrian Democratic Forces; US-backed force~; US-backed forces~; US-backed militia~; US-backed alliance~; US-backed fighters~; US-allied force~; US-allied forces~; US-allied fighters~; Kurdish-led force~; Kurdish-led forces~; Kurdish-led alliance~; Kurdish-led militia~; Arab-Kurdish alliance~; Arab-Kurdish force~; Arab-Kurdish forces~; поддерживаемые США силы~; курдско-арабский альянс~
    org | deir-ez-zor-military-council | Deir ez-Zor Military Council | Deir al-Zor Military Council; Deir Ezzor Military Council; DMC | sdf
    org | ypg | People's Protection Units | YPG; Kurdish People's Protection Units; Yekineyen Parastina Gel | sdf
    org | ypj | Women's Protection Units | YPJ | sdf
    org | pkk | Kurdistan Workers' Party | PKK; Kurdistan Workers Party; РПК
    org | pyd | Democratic Union Party | PYD
    org | krg | Kurdistan Regional Government | KRG; Kurdish regional government
    org | peshmerga | Peshmerga | Kurdish Peshmerga; пешмерга | krg
    org | kurdistan-electoral-commission | Independent High Elections and Referendum Commission | Kurdistan electoral commission; IHERC | krg
    org | kdp | Kurdistan Democratic Party | KDP
    org | free-syrian-army | Free Syrian Army | FSA; Свободная сирийская армия; ССА
    org | hts | Hayat Tahrir al-Sham | HTS; Tahrir al-Sham; Хайят Тахрир аш-Шам
    org | nusra-front | Nusra Front | al-Nusra Front; Jabhat al-Nusra; Jabhat Fateh al-Sham; Джебхат ан-Нусра; Нусра
    org | al-qaeda | al-Qaeda | al-Qaida; Al Qaeda; Al Qaida; Аль-Каида
    org | hezbollah | Hezbollah | Hizbollah; Hizballah; Хезболла
    org | hamas | Hamas | Хамас
    org | taliban | Taliban | the Taliban; Талибан
    org | houthis | Houthis | Houthi; Ansarullah; хуситы
    org | irgc | Islamic Revolutionary Guard Corps | IRGC; Revolutionary Guards; Iran's Revolutionary Guards; КСИР | iran
    org | us-led-coalition | US-led coalition | U.S.-led coalition; US-led international coalition; U.S.-led international coalition; Global Coalition against Daesh; international coalition against Islamic State; CJTF-OIR; Combined Joint Task Force-Operation Inherent Resolve; Combined Joint Task Force - Operation Inherent Resolve; Operation Inherent Resolve; OIR; коалиция во главе с США; международная коалиция; коалиция?; коалиции? | united-states
    org | syrian-army | Syrian Arab Army | Syrian army; Syrian government forces; SAA; сирийская армия; Сирийская арабская армия | syrian-government
    org | syrian-government | Syrian government | Syrian regime; Assad regime; Damascus government; правительство Сирии | syria
    org | fourth-armoured-division | 4th Armoured Division | Fourth Armoured Division; 4th Armored Division | syrian-army
    org | tiger-forces | Tiger Forces | Силы тигра | syrian-army
    org | dpr | Donetsk People's Republic | DPR; DNR; self-proclaimed Donetsk People's Republic; Донецкая народная республика; ДНР; pro-Russian rebels~; pro-Russian separatists~; pro-Moscow rebels~; pro-Moscow separatists~; Russian-backed rebels~; Russian-backed separatists~; rebels~; separatists~; militias~; self-defense forces~; ополченцы~; ополчение~
    org | lpr | Luhansk People's Republic | LPR; LNR; Lugansk People's Republic; Луганская народная республика; ЛНР
    # Russia
    org | russian-government | Russian government | Government of Russia; Russian authorities; правительство России; правительство РФ | russia
    org | kremlin | Kremlin | the Kremlin; Кремль; Kremlin press service; пресс-служба Кремля | russia
    org | russian-defense-ministry | Russian Defense Ministry | Russian Defence Ministry; Russian Ministry of Defence; Russian Ministry of Defense; Russia's Defense Ministry; Russia's Defence Ministry; Russia's Ministry of Defence; Ministry of Defence of the Russian Federation; Ministry of Defense of the Russian Federation; Russian MoD; MoD; Минобороны; Минобороны России; Минобороны РФ; Министерство обороны России; Министерство обороны РФ; Министерство обороны Российской Федерации; Russian military; Russian military command | russia
    org | russian-general-staff | Russian General Staff | General Staff of the Russian Armed Forces; Russia's General Staff; Генеральный штаб ВС РФ; Генштаб; Генштаб ВС РФ | russian-defense-ministry
    org | main-operations-directorate | Main Operations Directorate | Main Operational Directorate; Главное оперативное управление | russian-general-staff
    org | russian-armed-forces | Russian Armed Forces | Armed Forces of the Russian Federation; Russian armed forces; Вооруженные силы России; ВС РФ | russian-defense-ministry
    org | russian-aerospace-forces | Russian Aerospace Forces | Aerospace Forces; VKS; Russian Air Force; Russian air force; Воздушно-космические силы; ВКС; ВКС России; ВВС России | russian-defense-ministry
    org | russian-navy | Russian Navy | Russian navy; Военно-морской флот России; ВМФ России; ВМФ РФ | russian-defense-ministry
    org | black-sea-fleet | Black Sea Fleet | Russian Black Sea Fleet; Черноморский флот | russian-navy
    org | baltic-fleet | Baltic Fleet | Балтийский флот | russian-navy
    org | western-military-district | Western Military District | Западный военный округ; ЗВО | russian-defense-ministry
    org | russian-reconciliation-centre | Russian Centre for Reconciliation | Russian Reconciliation Center; Russian reconciliation centre; Центр по примирению враждующих сторон | russian-defense-ministry
    org | russian-foreign-ministry | Russian Foreign Ministry | Russian Ministry of Foreign Affairs; Russia's Foreign Ministry; Ministry of Foreign Affairs of the Russian Federation; Russian MFA; МИД России; МИД РФ; МИД; Министерство иностранных дел России | russia
    org | fsb | Federal Security Service | FSB; Russian Federal Security Service; Russia's Federal Security Service; ФСБ; ФСБ России; Федеральная служба безопасности | russia
    org | fsb-border-service | FSB Border Service | Russian Border Service; Border Service of the FSB; Russian border guards; Russian coast guard; Russian Coast Guard; FSB Border Directorate; FSB border guards; Border Directorate for Crimea; Пограничная служба ФСБ; Погрануправление ФСБ; пограничное управление ФСБ по Крыму | fsb
    org | gru | GRU | Main Intelligence Directorate; Russian military intelligence; GU; ГРУ; Главное разведывательное управление | russian-general-staff
    org | svr | Foreign Intelligence Service | SVR; СВР | russia
    org | state-duma | State Duma | Duma; Госдума; Государственная дума | russia
    org | federation-council | Federation Council | Совет Федерации; Совфед | russia
    org | russian-security-council | Russian Security Council | Security Council of Russia; Совбез; Совет безопасности России | russia
    org | investigative-committee | Investigative Committee | Russian Investigative Committee; Следственный комитет; СК РФ | russia
    org | central-election-commission-russia | Central Election Commission | Russian Central Election Commission; ЦИК; ЦИК России | russia
    org | rosaviatsia | Rosaviatsia | Federal Air Transport Agency; Росавиация | russia
    org | united-russia | United Russia | Единая Россия | russia
    org | russian-embassy-uk | Russian Embassy in London | Russian embassy in London; посольство России в Великобритании | russian-foreign-ministry
    org | almaz-antey | Almaz-Antey | Almaz Antey; Алмаз-Антей | russia
    org | rosneft | Rosneft | Роснефть | russia
    org | gazprom | Gazprom | Газпром | russia
    org | wagner-group | Wagner Group | Wagner; ЧВК Вагнер | russia
    # Ukraine
    org | ukrainian-government | Ukrainian government | Government of Ukraine; Kyiv government; Kiev government; Cabinet of Ministers of Ukraine; правительство Украины | ukraine
    org | ukrainian-navy | Ukrainian Navy | Ukrainian navy; Ukraine's navy; Ukraine's Navy; Naval Forces of Ukraine; Naval Forces of the Armed Forces of Ukraine; Ukrainian Naval Forces; ВМС Украины; ВМСУ; Військово-морські сили | ukrainian-armed-forces
    org | ukrainian-armed-forces | Ukrainian Armed Forces | Armed Forces of Ukraine; Ukrainian army; Ukrainian military; ВСУ; Вооруженные силы Украины | ukrainian-defense-ministry
    org | ukrainian-air-force | Ukrainian Air Force | Ukrainian air force; Ukraine's air force; ВВС Украины | ukrainian-armed-forces
    org | ukrainian-defense-ministry | Ukrainian Defence Ministry | Ukrainian Defense Ministry; Ukraine's Defence Ministry; Ukraine's Defense Ministry; Ministry of Defence of Ukraine; Минобороны Украины | ukraine
    org | ukrainian-general-staff | Ukrainian General Staff | General Staff of Ukraine; Генштаб ВСУ | ukrainian-armed-forces
    org | ukrainian-foreign-ministry | Ukrainian Foreign Ministry | Ukraine's Foreign Ministry; Ministry of Foreign Affairs of Ukraine; МИД Украины | ukraine
    org | sbu | Security Service of Ukraine | SBU; Ukrainian Security Service; СБУ; Служба безопасности Украины | ukraine
    org | nsdc | National Security and Defence Council | National Security and Defense Council; NSDC; Ukraine's National Security and Defence Council; National Security and Defense Council of Ukraine; СНБО; СНБО Украины; РНБО | ukraine
    org | verkhovna-rada | Verkhovna Rada | Rada; Ukrainian parliament; Ukraine's parliament; Верховная Рада; Рада | ukraine
    org | ukrainian-border-guard | State Border Guard Service of Ukraine | Ukrainian border guard service; Ukrainian Border Guard Service; Госпогранслужба Украины; ГПСУ | ukraine
    org | ukrainian-presidential-administration | Ukrainian Presidential Administration | Presidential Administration of Ukraine; Администрация президента Украины | ukraine
    # Syria and region
    org | sana | SANA | Syrian Arab News Agency; Syrian state news agency SANA; Сирийское арабское агентство новостей; САНА | syrian-government | news agency
    org | sohr | Syrian Observatory for Human Rights | SOHR; Britain-based Syrian Observatory for Human Rights; Observatory; Сирийская обсерватория по правам человека | | monitor
    org | white-helmets | White Helmets | Syria Civil Defence; Syrian Civil Defence; Белые каски
    org | anha | Hawar News Agency | ANHA; Hawar news agency; ANF | | news agency
    org | iraqi-government | Iraqi government | Government of Iraq; Baghdad government; Iraqi federal government; правительство Ирака | iraq
    org | iraqi-army | Iraqi army | Iraqi security forces; Iraqi forces | iraqi-government
    org | turkish-armed-forces | Turkish Armed Forces | Turkish military; Turkish army; TSK | turkey
    org | israel-defense-forces | Israel Defense Forces | IDF; Israeli military; Israeli army; ЦАХАЛ | israel
    # United States
    org | white-house | White House | the White House; Белый дом | united-states
    org | pentagon | Pentagon | the Pentagon; U.S. Department of Defense; US Department of Defense; Department of Defense; Defense Department; U.S. Defense Department; US Defense Department; DoD; U.S. military; US military; American military; Пентагон; Министерство обороны США | united-states
    org | state-department | State Department | U.S. State Department; US State Department; Department of State; U.S. Department of State; Госдеп; Госдепартамент; Госдепартамент США | united-states
    org | cia | CIA | Central Intelligence Agency; ЦРУ | united-states
    org | fbi | FBI | Federal Bureau of Investigation; ФБР | united-states
    org | us-congress | U.S. Congress | Congress; US Congress; Конгресс США | united-states
    org | us-senate | U.S. Senate | US Senate; Senate | us-congress
    org | centcom | U.S. Central Command | CENTCOM; Central Command; US Central Command | pentagon
    org | us-european-command | U.S. European Command | EUCOM; US European Command | pentagon
    org | us-army | U.S. Army | US Army | pentagon
    org | us-air-force | U.S. Air Force | US Air Force; USAF | pentagon
    org | us-navy | U.S. Navy | US Navy | pentagon
    org | us-marines | U.S. Marine Corps | US Marine Corps; U.S. Marines; US Marines | pentagon
    org | us-mission-un | U.S. Mission to the United Nations | US Mission to the UN; U.S. Mission to the UN; USUN | state-department
    org | nhc | National Hurricane Center | U.S. National Hurricane Center; US National Hurricane Center; NHC; Miami-based center~; Miami-based hurricane center~; hurricane center~ | united-states
    org | usgs | U.S. Geological Survey | US Geological Survey; United States Geological Survey; USGS | united-states
    org | nasa | NASA | National Aeronautics and Space Administration; НАСА | united-states
    org | jpl | Jet Propulsion Laboratory | JPL | nasa
    org | usaid | USAID | U.S. Agency for International Development | united-states
    org | ntsb | National Transportation Safety Board | NTSB | united-states
    org | general-motors | General Motors | GM; General Motors Co | united-states
    org | conocophillips | ConocoPhillips | | united-states
    org | boeing | Boeing | Boeing Co | united-states
    # United Kingdom
    org | uk-government | British government | UK government; U.K. government; Government of the United Kingdom; HM Government; правительство Великобритании | united-kingdom
    org | downing-street | Downing Street | No 10; Number 10; Даунинг-стрит | uk-government
    org | foreign-office | Foreign Office | Foreign and Commonwealth Office; FCO; British Foreign Office; МИД Великобритании; Форин-офис | uk-government
    org | home-office | Home Office | | uk-government
    org | uk-ministry-of-defence | British Ministry of Defence | UK Ministry of Defence; British Defence Ministry | uk-government
    org | uk-parliament | British Parliament | UK Parliament; House of Commons; Parliament; Westminster; парламент Великобритании | united-kingdom
    org | metropolitan-police | Metropolitan Police | Met Police; Scotland Yard; Metropolitan Police counter-terrorism command; Скотленд-Ярд | united-kingdom
    org | wiltshire-police | Wiltshire Police | | united-kingdom
    org | counter-terrorism-policing | Counter Terrorism Policing | UK counter-terrorism police; counter-terrorism police | metropolitan-police
    org | public-health-england | Public Health England | PHE | uk-government
    org | dstl | Defence Science and Technology Laboratory | Dstl; Porton Down laboratory | uk-ministry-of-defence
    org | mi6 | MI6 | Secret Intelligence Service; SIS | uk-government
    org | mi5 | MI5 | Security Service MI5 | uk-government
    org | conservative-party | Conservative Party | Conservatives; Tories; Tory party | united-kingdom
    org | labour-party | Labour Party | Labour | united-kingdom
    # International
    org | united-nations | United Nations | UN; U.N.; ООН; Организация Объединенных Наций | | 
    org | un-security-council | UN Security Council | U.N. Security Council; United Nations Security Council; Security Council; UNSC; Совет Безопасности ООН; СБ ООН; Совбез ООН | united-nations
    org | un-general-assembly | UN General Assembly | U.N. General Assembly; United Nations General Assembly; General Assembly; UNGA; Генассамблея ООН; Генеральная ассамблея ООН | united-nations
    org | wfp | World Food Programme | WFP; World Food Program | united-nations
    org | unhcr | UNHCR | UN refugee agency; U.N. refugee agency; United Nations High Commissioner for Refugees | united-nations
    org | unrwa | UNRWA | | united-nations
    org | ocha | OCHA | UN Office for the Coordination of Humanitarian Affairs | united-nations
    org | who | World Health Organization | WHO | united-nations
    org | nato | NATO | Nato; North Atlantic Treaty Organization; North Atlantic Alliance; НАТО; Североатлантический альянс
    org | european-union | European Union | EU; E.U.; ЕС; Евросоюз; Европейский союз
    org | european-commission | European Commission | EC; Еврокомиссия | european-union
    org | european-council | European Council | EU summit; Евросовет | european-union
    org | eu-council | Council of the EU | Council of the European Union; EU Foreign Affairs Council; Foreign Affairs Council | european-union
    org | european-parliament | European Parliament | Европарламент | european-union
    org | osce | OSCE | Organization for Security and Co-operation in Europe; Organization for Security and Cooperation in Europe; ОБСЕ; OSCE Special Monitoring Mission; SMM
    org | opcw | OPCW | Organisation for the Prohibition of Chemical Weapons; Organization for the Prohibition of Chemical Weapons; ОЗХО
    org | icao | ICAO | International Civil Aviation Organization; ИКАО
    org | icrc | International Committee of the Red Cross | ICRC; Red Cross; МККК; Красный Крест
    org | msf | Doctors Without Borders | MSF; Medecins Sans Frontieres; Médecins Sans Frontières
    org | amnesty | Amnesty International | Amnesty
    org | hrw | Human Rights Watch | HRW
    org | csto | CSTO | Collective Security Treaty Organization; ОДКБ
    org | cis | Commonwealth of Independent States | CIS; СНГ
    org | council-of-europe | Council of Europe | Совет Европы
    org | iaea | IAEA | International Atomic Energy Agency; МАГАТЭ
    org | interpol | Interpol | Интерпол
    org | jit | Joint Investigation Team | JIT; Dutch-led Joint Investigation Team; Совместная следственная группа; ССГ
    org | dutch-safety-board | Dutch Safety Board | DSB; Onderzoeksraad voor Veiligheid | netherlands
    org | malaysia-airlines | Malaysia Airlines | MAS; Малайзийские авиалинии | malaysia
    org | malaysia-national-security-council | Malaysian National Security Council | National Security Council of Malaysia | malaysian-government
    org | malaysian-government | Malaysian government | Government of Malaysia | malaysia
    org | dutch-government | Dutch government | Government of the Netherlands | netherlands
    org | belarus-defense-ministry | Belarusian Defence Ministry | Belarusian Defense Ministry; Belarus Defence Ministry; Belarus' Defence Ministry; Belarusian Ministry of Defence; Минобороны Беларуси; Минобороны Белоруссии | belarus
    org | lithuanian-government | Lithuanian government | Government of Lithuania | lithuania
    org | estonian-government | Estonian government | Government of Estonia | estonia
    org | japanese-government | Japanese government | Government of Japan | japan
    org | south-korea-jcs | Joint Chiefs of Staff | South Korea's Joint Chiefs of Staff; JCS; South Korean Joint Chiefs of Staff | south-korea
    org | organization-of-islamic-cooperation | Organisation of Islamic Cooperation | OIC; Organization of Islamic Cooperation
    org | arab-league | Arab League | League of Arab States; Лига арабских государств
    org | gulf-cooperation-council | Gulf Cooperation Council | GCC
    org | african-union | African Union | AU
    org | g7 | G7 | Group of Seven; G-7; Большая семерка
    org | g20 | G20 | Group of Twenty; G-20
    # News organisations (sources as well as outlets)
    org | reuters | Reuters | Thomson Reuters; Рейтер; Reuters news agency | | news agency
    org | ap | Associated Press | AP; The Associated Press | | news agency
    org | afp | Agence France-Presse | AFP; Agence France Presse; Франс Пресс; Франс-Пресс | | news agency
    org | tass | TASS | Tass; ITAR-TASS; Itar-Tass; ТАСС; ИТАР-ТАСС | russia | news agency
    org | interfax | Interfax | Интерфакс; Interfax news agency | russia | news agency
    org | interfax-ukraine | Interfax-Ukraine | Интерфакс-Украина | ukraine | news agency
    org | ria-novosti | RIA Novosti | RIA; РИА Новости; РИА | russia | news agency
    org | sputnik | Sputnik | Sputnik News; Спутник | russia | news agency
    org | rt | RT | Russia Today; RT news | russia | broadcaster
    org | rossiya-24 | Rossiya-24 | Россия-24 | russia | broadcaster
    org | channel-one | Channel One | Первый канал | russia | broadcaster
    org | zvezda | Zvezda | Звезда; Zvezda TV | russian-defense-ministry | broadcaster
    org | izvestia | Izvestia | Известия | russia | newspaper
    org | kommersant | Kommersant | Коммерсантъ; Коммерсант | russia | newspaper
    org | rossiyskaya-gazeta | Rossiyskaya Gazeta | Российская газета | russian-government | newspaper
    org | meduza | Meduza | Медуза | | news site
    org | the-moscow-times | The Moscow Times | Moscow Times | russia | newspaper
    org | 66ru | 66.ru | | russia | news site
    org | bbc | BBC | British Broadcasting Corporation; BBC News; Би-би-си | united-kingdom | broadcaster
    org | sky-news | Sky News | | united-kingdom | broadcaster
    org | the-guardian | The Guardian | Guardian | united-kingdom | newspaper
    org | the-times | The Times | | united-kingdom | newspaper
    org | the-independent | The Independent | Independent | united-kingdom | newspaper
    org | pa-media | Press Association | PA; PA Media | united-kingdom | news agency
    org | cnn | CNN | Си-эн-эн | united-states | broadcaster
    org | cbs | CBS | CBS News | united-states | broadcaster
    org | nbc | NBC | NBC News | united-states | broadcaster
    org | abc-news | ABC News | ABC | united-states | broadcaster
    org | fox-news | Fox News | | united-states | broadcaster
    org | voa | Voice of America | VOA; Голос Америки | united-states | broadcaster
    org | rferl | Radio Free Europe/Radio Liberty | RFE/RL; Radio Liberty; Radio Free Europe; Радио Свобода | united-states | broadcaster
    org | new-york-times | New York Times | The New York Times; NYT | united-states | newspaper
    org | washington-post | Washington Post | The Washington Post | united-states | newspaper
    org | wall-street-journal | Wall Street Journal | The Wall Street Journal; WSJ | united-states | newspaper
    org | us-news | U.S. News & World Report | US News; U.S. News | united-states | magazine
    org | bloomberg | Bloomberg | Bloomberg News | united-states | news agency
    org | al-jazeera | Al Jazeera | Al-Jazeera; Aljazeera; Аль-Джазира | qatar | broadcaster
    org | al-arabiya | Al Arabiya | Al-Arabiya; Аль-Арабия | saudi-arabia | broadcaster
    org | arab-news | Arab News | | saudi-arabia | newspaper
    org | xinhua | Xinhua | Xinhua News Agency; Синьхуа | china | news agency
    org | kyodo | Kyodo | Kyodo News | japan | news agency
    org | yonhap | Yonhap | Yonhap News Agency | south-korea | news agency
    org | kcna | KCNA | Korean Central News Agency | north-korea | news agency
    org | dw | Deutsche Welle | DW | germany | broadcaster
    org | der-spiegel | Der Spiegel | Spiegel | germany | magazine
    org | straits-times | The Straits Times | Straits Times | singapore | newspaper
    org | ukrinform | Ukrinform | Укринформ | ukraine | news agency
    org | unian | UNIAN | УНИАН | ukraine | news agency
    org | kyiv-post | Kyiv Post | Kiev Post | ukraine | newspaper
    org | hromadske | Hromadske | Громадське | ukraine | broadcaster
    org | liga-net | LIGA.net | Liga.net; ЛІГА | ukraine | news site
    org | belta | BelTA | Belarusian Telegraph Agency; БелТА | belarus | news agency
    org | err | ERR | ERR News; Estonian Public Broadcasting | estonia | broadcaster
    org | lrt | LRT | Lithuanian National Radio and Television | lithuania | broadcaster
    org | anadolu | Anadolu Agency | Anadolu | turkey | news agency
    org | irna | IRNA | Islamic Republic News Agency | iran | news agency
    org | bellingcat | Bellingcat | | | investigative site
    org | flightglobal | Flightglobal | | | news site

    # People: name | aliases (surname alone where it is distinctive; `?` marks a surname too common to trust alone) | affiliation | roles
    # Russia
    person | putin | Vladimir Putin | Putin; Vladimir Vladimirovich Putin; Владимир Путин; Путин; В. Путин | kremlin | president
    person | medvedev | Dmitry Medvedev | Medvedev; Dmitri Medvedev; Дмитрий Медведев; Медведев | russian-government | prime minister
    person | lavrov | Sergei Lavrov | Lavrov; Sergey Lavrov; Сергей Лавров; Лавров | russian-foreign-ministry | foreign minister
    person | shoigu | Sergei Shoigu | Shoigu; Sergey Shoigu; Shoygu; Сергей Шойгу; Шойгу | russian-defense-ministry | defence minister
    person | gerasimov | Valery Gerasimov | Gerasimov; Valeriy Gerasimov; Валерий Герасимов; Герасимов | russian-general-staff | chief of the general staff
    person | konashenkov | Igor Konashenkov | Konashenkov; Игорь Конашенков; Конашенков; И. Конашенков | russian-defense-ministry | spokesman, major general
    person | peskov | Dmitry Peskov | Peskov; Dmitri Peskov; Dmitriy Peskov; Дмитрий Песков; Песков | kremlin | spokesman, press secretary
    person | zakharova | Maria Zakharova | Zakharova; Mariya Zakharova; Мария Захарова; Захарова | russian-foreign-ministry | spokeswoman
    person | ryabkov | Sergei Ryabkov | Ryabkov; Sergey Ryabkov; Сергей Рябков; Рябков | russian-foreign-ministry | deputy foreign minister
    person | titov | Vladimir Titov | Владимир Титов | russian-foreign-ministry | first deputy foreign minister
    person | lapin | Alexander Lapin | Lapin; Aleksandr Lapin; Александр Лапин; Лапин | russian-defense-ministry | commander
    person | kartapolov | Andrei Kartapolov | Kartapolov; Kartopolov; Andrey Kartapolov; Андрей Картаполов; Картаполов | russian-general-staff | lieutenant general, head of the main operations directorate
    person | makushev | Igor Makushev | Makushev; Игорь Макушев; Макушев | russian-aerospace-forces | lieutenant general, chief of the air force main staff
    person | antonov | Anatoly Antonov | Anatoliy Antonov; Анатолий Антонов | russian-defense-ministry | deputy defence minister
    person | fomin | Alexander Fomin | Aleksandr Fomin; Александр Фомин; Фомин | russian-defense-ministry | deputy defence minister
    person | asapov | Valery Asapov | Asapov; Valeriy Asapov; Валерий Асапов; Асапов | russian-defense-ministry | lieutenant general
    person | rudskoy | Sergei Rudskoy | Rudskoy; Sergey Rudskoy; Сергей Рудской; Рудской | russian-general-staff | colonel general
    person | surovikin | Sergei Surovikin | Surovikin; Сергей Суровикин; Суровикин | russian-aerospace-forces | commander
    person | bortnikov | Alexander Bortnikov | Bortnikov; Александр Бортников; Бортников | fsb | director
    person | naryshkin | Sergei Naryshkin | Naryshkin; Сергей Нарышкин; Нарышкин | svr | director
    person | patrushev | Nikolai Patrushev | Patrushev; Николай Патрушев; Патрушев | russian-security-council | secretary
    person | nebenzia | Vassily Nebenzia | Nebenzia; Vasily Nebenzya; Василий Небензя; Небензя | russian-foreign-ministry | ambassador to the un
    person | polyanskiy | Dmitry Polyanskiy | Polyanskiy; Дмитрий Полянский | russian-foreign-ministry | deputy ambassador to the un
    person | chizhov | Vladimir Chizhov | Chizhov; Владимир Чижов; Чижов | russian-foreign-ministry | ambassador to the eu
    person | yakovenko | Alexander Yakovenko | Yakovenko; Александр Яковенко; Яковенко | russian-foreign-ministry | ambassador to the uk
    person | moskalkova | Tatyana Moskalkova | Moskalkova; Татьяна Москалькова; Москалькова | russia | human rights ombudsman
    person | matviyenko | Valentina Matviyenko | Matviyenko; Валентина Матвиенко; Матвиенко | federation-council | speaker
    person | volodin | Vyacheslav Volodin | Volodin; Вячеслав Володин; Володин | state-duma | speaker
    person | kosachev | Konstantin Kosachev | Kosachev; Константин Косачев; Косачев | federation-council | senator
    person | kadyrov | Ramzan Kadyrov | Kadyrov; Рамзан Кадыров; Кадыров | chechnya | head of chechnya
    person | aksyonov | Sergei Aksyonov | Aksyonov; Сергей Аксенов; Аксенов | crimea | head of crimea
    person | navalny | Alexei Navalny | Navalny; Алексей Навальный; Навальный | russia | opposition politician
    person | pamfilova | Ella Pamfilova | Pamfilova; Элла Памфилова; Памфилова | central-election-commission-russia | chair
    person | lugovoi | Andrei Lugovoi | Lugovoi; Андрей Луговой | state-duma | deputy
    person | litvinenko | Alexander Litvinenko | Litvinenko; Александр Литвиненко; Литвиненко | russia | former fsb officer
    person | sergei-skripal | Sergei Skripal | Skripal; Sergey Skripal; Сергей Скрипаль | gru | former intelligence officer
    person | yulia-skripal | Yulia Skripal | Yulia; Julia Skripal; Юлия Скрипаль | russia | daughter of sergei skripal
    # Russian-backed separatists
    person | borodai | Alexander Borodai | Borodai; Alexander Boroday; Александр Бородай; Бородай | dpr | leader
    person | zakharchenko | Alexander Zakharchenko | Zakharchenko; Александр Захарченко; Захарченко | dpr | leader
    person | strelkov | Igor Strelkov | Strelkov; Igor Girkin; Girkin; Игорь Стрелков; Стрелков; Гиркин | dpr | commander
    person | pushilin | Denis Pushilin | Pushilin; Денис Пушилин | dpr | leader
    # Ukraine
    person | poroshenko | Petro Poroshenko | Poroshenko; Petr Poroshenko; Pyotr Poroshenko; Петр Порошенко; Порошенко; Петро Порошенко | ukraine | president
    person | groysman | Volodymyr Groysman | Groysman; Владимир Гройсман; Гройсман | ukrainian-government | prime minister
    person | yatsenyuk | Arseniy Yatsenyuk | Yatsenyuk; Arseny Yatsenyuk; Арсений Яценюк; Яценюк | ukrainian-government | prime minister
    person | klimkin | Pavlo Klimkin | Klimkin; Павел Климкин; Климкин | ukrainian-foreign-ministry | foreign minister
    person | poltorak | Stepan Poltorak | Poltorak; Степан Полторак; Полторак | ukrainian-defense-ministry | defence minister
    person | turchynov | Oleksandr Turchynov | Turchynov; Turchinov; Александр Турчинов; Турчинов | nsdc | secretary
    person | lysenko | Andriy Lysenko | Lysenko; Andrei Lysenko; Андрей Лысенко; Лысенко | nsdc | spokesman
    person | nayda | Vitaly Nayda | Nayda; Vitaliy Nayda; Виталий Найда; Найда | sbu | counter-intelligence chief
    person | nalyvaichenko | Valentyn Nalyvaichenko | Nalyvaichenko; Валентин Наливайченко; Наливайченко | sbu | head
    person | hrytsak | Vasyl Hrytsak | Hrytsak; Василий Грицак; Грицак | sbu | head
    person | voronchenko | Ihor Voronchenko | Voronchenko; Igor Voronchenko; Игорь Воронченко; Воронченко | ukrainian-navy | commander
    person | parubiy | Andriy Parubiy | Parubiy; Андрей Парубий; Парубий | verkhovna-rada | speaker
    person | avakov | Arsen Avakov | Avakov; Арсен Аваков; Аваков | ukrainian-government | interior minister
    person | zelensky | Volodymyr Zelensky | Zelensky; Zelenskyy; Zelenskiy; Владимир Зеленский; Зеленский | ukraine | president
    person | tymoshenko | Yulia Tymoshenko | Tymoshenko; Юлия Тимошенко; Тимошенко | verkhovna-rada | politician
    person | muzhenko | Viktor Muzhenko | Muzhenko; Виктор Муженко; Муженко | ukrainian-general-staff | chief of the general staff
    # Belarus, Baltics, Europe
    person | lukashenko | Alexander Lukashenko | Lukashenko; Alyaksandr Lukashenka; Lukashenka; Александр Лукашенко; Лукашенко | belarus | president
    person | ravkov | Andrei Ravkov | Ravkov; Андрей Равков; Равков | belarus-defense-ministry | defence minister
    person | makei | Vladimir Makei | Makei; Uladzimir Makei; Владимир Макей; Макей | belarus | foreign minister
    person | karoblis | Raimundas Karoblis | Karoblis | lithuanian-government | defence minister
    person | grybauskaite | Dalia Grybauskaite | Grybauskaite; Dalia Grybauskaitė; Даля Грибаускайте; Грибаускайте | lithuania | president
    person | linkevicius | Linas Linkevicius | Linkevicius; Linas Linkevičius | lithuanian-government | foreign minister
    person | luik | Juri Luik | Luik; Jüri Luik | estonian-government | defence minister
    person | kaljulaid | Kersti Kaljulaid | Kaljulaid | estonia | president
    person | ratas | Juri Ratas | Ratas; Jüri Ratas | estonian-government | prime minister
    person | stoltenberg | Jens Stoltenberg | Stoltenberg; Йенс Столтенберг; Столтенберг | nato | secretary general
    person | lungescu | Oana Lungescu | Lungescu | nato | spokeswoman
    person | juncker | Jean-Claude Juncker | Juncker; Жан-Клод Юнкер; Юнкер | european-commission | president
    person | tusk | Donald Tusk | Tusk; Дональд Туск; Туск | european-council | president
    person | mogherini | Federica Mogherini | Mogherini; Федерика Могерини; Могерини | european-union | high representative
    person | ashton | Catherine Ashton | Кэтрин Эштон | european-union | high representative
    person | barnier | Michel Barnier | Barnier; Мишель Барнье | european-commission | chief brexit negotiator
    person | merkel | Angela Merkel | Merkel; Ангела Меркель; Меркель | germany | chancellor
    person | steinmeier | Frank-Walter Steinmeier | Steinmeier; Франк-Вальтер Штайнмайер; Штайнмайер | germany | foreign minister, president
    person | macron | Emmanuel Macron | Macron; Эммануэль Макрон; Макрон | france | president
    person | hollande | Francois Hollande | Hollande; François Hollande; Франсуа Олланд; Олланд | france | president
    person | le-drian | Jean-Yves Le Drian | Le Drian; Жан-Ив Ле Дриан | france | foreign minister
    person | rutte | Mark Rutte | Rutte; Марк Рютте; Рютте | dutch-government | prime minister
    person | timmermans | Frans Timmermans | Timmermans; Франс Тиммерманс | dutch-government | foreign minister
    person | tuinder | Jan Tuinder | Tuinder | dutch-government | team leader
    person | van-vliet | Peter van Vliet | van Vliet | netherlands | forensic expert
    person | duda | Andrzej Duda | Анджей Дуда | poland | president
    person | ban-ki-moon | Ban Ki-moon | Пан Ги Мун | united-nations | secretary general
    person | guterres | Antonio Guterres | Guterres; António Guterres; Антониу Гутерриш; Гутерриш | united-nations | secretary general
    person | de-mistura | Staffan de Mistura | de Mistura; Стаффан де Мистура | united-nations | special envoy for syria
    person | uzumcu | Ahmet Uzumcu | Uzumcu; Ahmet Üzümcü | opcw | director general
    person | erdogan | Recep Tayyip Erdogan | Erdogan; Tayyip Erdogan; Recep Tayyip Erdoğan; Erdoğan; Реджеп Тайип Эрдоган; Эрдоган | turkey | president
    person | cavusoglu | Mevlut Cavusoglu | Cavusoglu; Mevlüt Çavuşoğlu; Мевлют Чавушоглу; Чавушоглу | turkey | foreign minister
    person | rouhani | Hassan Rouhani | Rouhani; Хасан Рухани; Рухани | iran | president
    person | zarif | Mohammad Javad Zarif | Zarif; Javad Zarif; Мохаммад Джавад Зариф; Зариф | iran | foreign minister
    person | khamenei | Ali Khamenei | Khamenei; Ayatollah Ali Khamenei; Али Хаменеи; Хаменеи | iran | supreme leader
    person | soleimani | Qassem Soleimani | Soleimani; Qasem Soleimani; Касем Сулеймани | irgc | commander
    person | netanyahu | Benjamin Netanyahu | Netanyahu; Биньямин Нетаньяху; Нетаньяху | israel | prime minister
    person | najib-razak | Najib Razak | Najib; Najib Tun Razak; Наджиб Разак | malaysian-government | prime minister
    person | mohamed-sakri | Mohamed Sakri | Sakri | malaysia-national-security-council | colonel
    person | abe | Shinzo Abe | Синдзо Абэ; Абэ | japanese-government | prime minister
    person | kim-jong-un | Kim Jong Un | Kim Jong-un; Kim Jong-Un; Ким Чен Ын | north-korea | leader
    person | moon-jae-in | Moon Jae-in | Moon Jae-In; Мун Чжэ Ин | south-korea | president
    person | xi-jinping | Xi Jinping | Си Цзиньпин | china | president
    person | abadi | Haider al-Abadi | al-Abadi; Haidar al-Abadi; Abadi; Хайдер аль-Абади | iraqi-government | prime minister
    person | barzani | Masoud Barzani | Barzani; Massoud Barzani; Масуд Барзани; Барзани | krg | president
    person | retno-marsudi | Retno Marsudi | Marsudi | indonesia | foreign minister
    # Syria
    person | assad | Bashar al-Assad | Assad; Bashar Assad; al-Assad; Башар Асад; Асад; Башар аль-Асад | syrian-government | president
    person | moualem | Walid al-Moualem | Moualem; Walid Muallem; al-Muallem; Валид Муаллем; Муаллем | syrian-government | foreign minister
    person | jaafari | Bashar al-Jaafari | Jaafari; Bashar Jaafari; Башар Джаафари; Джаафари | syrian-government | ambassador to the un
    person | abu-khawla | Ahmed Abu Khawla | Abu Khawla; Ahmad Abu Khawla; Abu Khaula; Ахмед Абу Хавля | deir-ez-zor-military-council | head
    person | mustafa-bali | Mustafa Bali | Bali? | sdf | spokesman
    person | lilwa-abdallah | Lilwa Abdallah | Abdallah?; Lilwa al-Abdallah | sdf | spokeswoman
    person | talal-silo | Talal Silo | Silo? | sdf | spokesman
    person | rahman | Rami Abdel Rahman | Rami Abdulrahman; Abdel Rahman; Рами Абдель Рахман | sohr | director
    person | mazloum-abdi | Mazloum Abdi | Mazloum Kobani; Mazloum | sdf | commander
    person | al-baghdadi | Abu Bakr al-Baghdadi | Baghdadi; al-Baghdadi; Абу Бакр аль-Багдади | islamic-state | leader
    # United States
    person | trump | Donald Trump | Trump; Donald J. Trump; Дональд Трамп; Трамп | white-house | president
    person | obama | Barack Obama | Obama; Барак Обама; Обама | white-house | president
    person | pence | Mike Pence | Pence; Майк Пенс; Пенс | white-house | vice president
    person | tillerson | Rex Tillerson | Tillerson; Рекс Тиллерсон; Тиллерсон | state-department | secretary of state
    person | pompeo | Mike Pompeo | Pompeo; Майк Помпео; Помпео | cia | director, secretary of state
    person | haspel | Gina Haspel | Haspel; Джина Хаспел | cia | deputy director
    person | mattis | Jim Mattis | Mattis; James Mattis; Джеймс Мэттис; Мэттис | pentagon | defense secretary
    person | dunford | Joseph Dunford | Dunford; Joe Dunford | pentagon | chairman of the joint chiefs
    person | kerry | John Kerry | Kerry; Джон Керри; Керри | state-department | secretary of state
    person | harf | Marie Harf | Harf | state-department | deputy spokeswoman
    person | nauert | Heather Nauert | Nauert; Хизер Науэрт | state-department | spokeswoman
    person | haley | Nikki Haley | Haley; Никки Хейли; Хейли | us-mission-un | ambassador to the un
    person | power | Samantha Power | Саманта Пауэр | us-mission-un | ambassador to the un
    person | sanders | Sarah Sanders | Sarah Huckabee Sanders; Sanders? | white-house | press secretary
    person | spicer | Sean Spicer | Spicer | white-house | press secretary
    person | goldstein | Steve Goldstein | Goldstein? | state-department | under secretary
    person | mcmaster | H.R. McMaster | McMaster; H. R. McMaster | white-house | national security adviser
    person | bolton | John Bolton | Bolton; Джон Болтон; Болтон | white-house | national security adviser
    person | volker | Kurt Volker | Volker; Курт Волкер; Волкер | state-department | special representative for ukraine
    person | funk | Paul Funk | Paul E. Funk; Paul E. Funk II; Paul Funk II; Funk | us-led-coalition | lieutenant general, commander
    person | dillon | Ryan Dillon | Dillon; Райан Диллон; Диллон | us-led-coalition | colonel, spokesman
    person | townsend | Stephen Townsend | Townsend; Steve Townsend | us-led-coalition | lieutenant general, commander
    person | votel | Joseph Votel | Votel; Joe Votel | centcom | general, commander
    person | manning | Rob Manning | Robert Manning; Manning? | pentagon | colonel, spokesman
    person | white | Dana White | | pentagon | spokeswoman
    person | mcgurk | Brett McGurk | McGurk; Бретт Макгерк | state-department | special envoy
    person | scaparrotti | Curtis Scaparrotti | Scaparrotti | nato | supreme allied commander europe
    person | hodges | Ben Hodges | Hodges | us-army | lieutenant general, commander
    # United Kingdom
    person | theresa-may | Theresa May | May?; Mrs May; Тереза Мэй; Мэй | downing-street | prime minister
    person | boris-johnson | Boris Johnson | Johnson?; Борис Джонсон; Джонсон | foreign-office | foreign secretary
    person | amber-rudd | Amber Rudd | Rudd | home-office | home secretary
    person | gavin-williamson | Gavin Williamson | Williamson? | uk-ministry-of-defence | defence secretary
    person | corbyn | Jeremy Corbyn | Corbyn; Джереми Корбин; Корбин | labour-party | leader of the opposition
    person | laurie-bristow | Laurie Bristow | Bristow | foreign-office | ambassador to russia
    person | karen-pierce | Karen Pierce | Pierce? | foreign-office | ambassador to the un
    person | kier-pritchard | Kier Pritchard | Pritchard | wiltshire-police | chief constable
    person | mark-rowley | Mark Rowley | Rowley? | metropolitan-police | assistant commissioner
    person | sally-davies | Sally Davies | | uk-government | chief medical officer
    person | nick-bailey | Nick Bailey | | wiltshire-police | detective sergeant
    person | stephen-hawking | Stephen Hawking | Hawking; Стивен Хокинг | united-kingdom | physicist
    person | rosenberg | Steve Rosenberg | | bbc | moscow correspondent
    # Mexico, storms and others in the corpora
    person | pena-nieto | Enrique Pena Nieto | Pena Nieto; Enrique Peña Nieto; Peña Nieto | mexico | president
    group | skripals | the Skripals | Skripals; Скрипали | sergei-skripal | family
    """
