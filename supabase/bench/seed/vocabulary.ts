/**
 * Vocabulary of the tickets benchmark's texts: support-desk English, most frequent first in every list
 * (the seed draws ranks from a Zipf distribution, so a list's order is its frequency order).
 * Multi-word terms are written with "_" ("credit_card") and come out as two adjacent words.
 */

const list = (text: string) => text.split(/\s+/).filter(Boolean).map((word) => word.replace(/_/g, ' '));

/**
 * Words of any ticket, whatever it is about: function words first (the `english` configuration drops
 * them from the index, as in real text), the everyday words of support among them, then the long tail
 * ending with common misspellings.
 */
export const GENERAL = list(`
  the i to my and please a it is order you for of help in this not have thanks on with we can be that
  account but your was me issue are still as get if at do from will would there an again just or so
  working problem any all been our no what when they know need has now could us one time out up how
  also some like see did which only use days about since new then more its am able these back hi
  hello thank email support team customer service request reply received sent send update make sure
  check tried try error message page click button screen link website app site open fix fixed looks
  seems shows says asked question answer information details below above attached screenshot today
  yesterday week weeks month morning tomorrow soon asap urgent quickly wait waiting unable happen
  happened happens changed change same different another first last next previous current correct
  wrong missing find found look want going come take took give keep start started stop stopped set
  option number name address phone call contact case reference possible really because before while
  during without already anything everything nothing something someone anyone nobody everyone every
  each both either many much few several enough thing things way ways part whole whether though
  although however instead maybe perhaps probably actually basically literally exactly almost quite
  very too rather pretty best better good great bad worse worst fine okay ok sorry apologies
  appreciate appreciated understand understood explain explained mean means meant tell told say show
  shown note noted mention mentioned confirm confirmed confirmation follow following followup
  escalate escalated priority status resolved resolve solution workaround steps step instructions
  guide article help_center knowledge_base faq documentation policy terms agreement customer_service
  support_team manager supervisor colleague agent representative chat call_back phone_call voicemail
  callback feedback complaint review rating experience frustrating frustrated disappointed annoying
  annoyed happy pleased satisfied unhappy upset angry confused confusing clear unclear simple easy
  difficult hard impossible quick slow fast faster slower late early delay delayed pending processing
  processed complete completed finished done incomplete partial partially full fully entire entirely
  total amount price cost fee fees charge extra free paid pay business company office home work
  personal family friend gift birthday holiday weekend monday tuesday wednesday thursday friday
  saturday sunday january february march april may june july august september october november
  december year years hour minute minutes second seconds day night noon midnight date dates deadline
  schedule scheduled appointment meeting available availability unavailable location country city
  state region area local international abroad europe canada australia germany france spain italy
  netherlands uk usa mexico brazil japan india poland sweden ireland english german french spanish
  language translation translated used using user users customers client clients people person member
  members owner admin administrator staff employee employees teammate teammates create created
  creating add added adding remove removed removing delete deleted deleting edit edited editing save
  saved saving load loaded loading enter entered type typed select selected choose chose turn turned
  switch switched enable enabled disable disabled allow allowed block blocked accept accepted decline
  declined cancel cancelled canceled approve approved reject rejected submit submitted receive
  getting gets got put puts putting bring brought buy bought purchase purchased sell sold return
  returned replace replaced replacement exchange exchanged repair repaired options setting settings
  preference preferences profile detail list lists item items product products model version kind
  size color colour black white grey gray silver blue red green pink small medium large big little
  tiny huge heavy light box package parcel label sticker manual receipt card paper document documents
  file files folder photo photos picture pictures video videos image images attachment attachments
  computer laptop mobile tablet device devices desktop browser windows mac iphone android internet
  online offline connection connected disconnect disconnected network signal water power battery
  lights noise sound smell heat cold hot warm cool temperature broken broke break breaks damaged
  damage faulty defective dead stuck frozen freezes crashed leaking leak leaks cracked scratched bent
  loose missing_part noisy loud quiet dim bright thanks_again kind_regards best_regards many_thanks
  thank_you cheers regards sincerely hope hoping hopefully wish glad love liked hate prefer week_ago
  days_ago last_week last_month this_morning right_away as_soon_as_possible issues problems errors
  mistake mistakes concern concerns matter requests inquiry enquiry queries response responses
  messages emails replies updates notice alerts reminder notes comment comments anymore ever never
  always usually sometimes often rarely once twice again_and_again tried_again restarted logged
  signed updated installed uninstalled reinstalled cleared reset_it contacted emailed called messaged
  chatted waited paid_for ordered charged_for shipped_to noticed realised realized discovered figured
  wondering wonder curious interested concerned worried afraid unsure certain definitely absolutely
  totally completely simply just_now recently lately currently previously originally initially
  finally eventually immediately instantly manually automatically randomly suddenly constantly
  repeatedly morning_team dear_support to_whom_it_may_concern hey issue_persists still_happening
  still_broken not_fixed same_issue same_problem keeps_happening any_update any_news following_up
  chasing reminder_email second_time third_time whats_going_on what_is_happening ridiculous
  unacceptable disappointed_again explanation reason reasons cause caused causing result results
  outcome effect impact affected affecting affects everyone_else other_customers colleagues my_team
  my_boss my_manager tested testing test tests sample example examples instance important critical
  serious minor major small_issue big_issue blocker blocking workflow process procedure routine daily
  weekly monthly regularly store shop online_store website_order checkout cart basket wishlist
  live_chat chatbot bot_reply automated_reply auto_reply no_reply recieved recieve adress pasword
  acount refered seperate definately untill wich occured tommorow wierd begining beleive accross
  calender garantee responce reciept dissapointed embarassed existance grammer independant neccessary
  noticable occurence persistant posession prefered recomend relevent succesful suprise truely
  unfortunatly wether writting
`);

/**
 * What tickets are about: each ticket draws part of its words from one topic (one of these lists,
 * picked with TOPIC_WEIGHTS), its comments too, so that words of a topic occur together.
 */
export const TOPICS: Record<string, string[]> = {
  billing: list(`
    refund invoice charged payment card billing subscription charge credit_card plan receipt paid twice
    bank transaction amount price upgrade renewal discount coupon tax vat statement overcharged
    double_charged refunded debit paypal billing_address invoice_number credit declined expired_card
    trial annual monthly yearly downgrade cancel_subscription auto_renew proration prorated balance
    outstanding overdue late_fee currency euro dollars pounds exchange_rate chargeback dispute
    pending_charge authorization hold pre_authorization apple_pay google_pay bank_transfer wire iban
    swift direct_debit sepa installment installments payment_plan payment_method card_details cvv
    expiry billing_cycle billing_date next_invoice pro_plan basic_plan business_plan enterprise_plan
    seats per_seat license licenses quote purchase_order po_number net_30 vendor procurement tax_id
    vat_number tax_exempt sales_tax gst invoice_pdf credit_note refund_request partial_refund
    full_refund store_credit gift_card promo_code voucher loyalty points cashback reward rewards
    membership member_discount student_discount nonprofit pricing price_increase rate_limit_plan usage
    overage metered billing_portal customer_portal payment_failed failed_payment retry_payment dunning
    suspended suspension reactivate reactivation refund_policy money_back guarantee fraudulent fraud
    unauthorized unrecognized_charge statement_descriptor merchant stripe klarna afterpay affirm
    financing apr interest accounting finance finance_team bookkeeping quickbooks xero netsuite sage
    expense expenses reimbursement company_card corporate_card virtual_card card_ending
    last_four_digits billing_contact billing_email invoice_email invoice_date due_date payment_terms
    remittance remittance_advice bank_statement transaction_id reference_number payment_reference
    order_total subtotal line_item line_items unit_price quantity discount_code annual_discount
    upgrade_fee downgrade_credit cancellation_fee early_termination contract contract_renewal
    notice_period billing_error incorrect_amount wrong_amount charged_wrong extra_charge hidden_fee
    surprise_charge price_change grandfathered legacy_plan old_plan new_plan plan_change plan_limits
    seat_count add_on addon addons storage_addon sms_credits credits top_up prepaid postpaid
    invoice_history billing_history download_invoice resend_invoice invoice_not_received company_name
    billing_name vat_reverse_charge eu_vat uk_vat us_sales_tax canada_gst australia_gst
  `),
  account: list(`
    login password account reset email sign_in log_in locked username verification code two_factor
    authentication security link expired profile settings access permission role admin invite sign_up
    register registration verify verified unverified confirmation_email magic_link otp authenticator
    sms_code backup_codes recovery_email recovery security_question session logged_out log_out
    signed_out sign_out cookies cache incognito private_window browser_extension sso saml okta azure_ad
    google_workspace single_sign_on identity_provider scim provisioning deprovisioning user_management
    seat_management owner_transfer transfer_ownership workspace organization team_members invite_link
    invitation pending_invite guest viewer editor member_role deactivate deactivated delete_account
    account_deletion gdpr data_request data_export privacy personal_data consent unsubscribe newsletter
    marketing_emails notifications email_change change_email change_password forgot_password
    password_reset reset_link too_many_attempts rate_limited captcha recaptcha bot suspicious_activity
    compromised hacked phishing spam_folder junk whitelist allowlist domain_verification custom_domain
    dns txt_record api_token personal_access_token audit_log login_history device_list trusted_device
    new_device alert lockout unlock account_locked brute_force ip_address vpn geo restriction
    region_lock age_verification identity_check kyc passport driver_license selfie document_upload
    username_taken display_name avatar profile_picture timezone locale language_setting merge_accounts
    duplicate_account linked_accounts social_login facebook_login apple_id google_login
    microsoft_account account_settings security_settings privacy_settings notification_settings
    email_preferences login_page sign_in_page error_401 invalid_credentials incorrect_password
    wrong_password caps_lock password_manager saved_password autofill keychain 1password lastpass
    bitwarden strong_password password_requirements special_character expired_password password_expiry
    forced_reset verification_email verify_email resend_verification email_not_verified
    code_not_received code_expired invalid_code sms_not_received phone_number_change new_phone
    lost_phone authenticator_app google_authenticator authy recovery_codes disable_2fa enable_2fa
    reset_2fa security_key yubikey passkey passkeys biometric face_id touch_id fingerprint
    session_expired session_timeout stay_signed_in remember_me logged_out_randomly multiple_devices
    shared_account family_account child_account parental_controls account_type personal_account
    business_account upgrade_account account_id user_id customer_id email_address old_email
  `),
  shipping: list(`
    delivery package shipping tracking_number delivered courier arrived shipped dispatch address
    tracking parcel late lost warehouse carrier ups fedex dhl usps royal_mail postnl express
    standard_shipping next_day same_day pickup pick_up collection_point locker signature signed_for
    left_at_door neighbour neighbor porch stolen missing_package not_received never_arrived
    wrong_address address_change reroute redirect hold_at_location customs duty duties import_fees
    customs_clearance held_at_customs international_shipping shipping_cost shipping_fee free_shipping
    estimated_delivery eta delivery_date delivery_window time_slot out_for_delivery in_transit
    label_created awaiting_pickup return_to_sender undeliverable failed_delivery delivery_attempt
    redelivery depot sorting_center hub backorder backordered out_of_stock restock preorder pre_order
    partial_shipment split_shipment second_package box_damaged crushed opened_box wet soaked packaging
    bubble_wrap pallet freight truck van driver delivery_driver proof_of_delivery photo_proof gps
    tracking_page tracking_link order_number order_confirmation order_status processing_time
    fulfillment fulfilment shipment shipments consignment waybill manifest postcode zip_code apartment
    floor building buzzer gate intercom doorman concierge po_box rural remote island overseas weight
    dimensions oversized heavy_item white_glove installation_service assembly ship_date shipping_method
    shipping_options shipping_address delivery_address billing_vs_shipping apartment_number unit_number
    suite street house_number address_line missing_address_line incomplete_address address_not_found
    invalid_address delivery_instructions safe_place leave_with_neighbour leave_at_reception
    office_delivery weekend_delivery evening_delivery saturday_delivery holiday_delay weather_delay
    strike delay_notice carrier_delay lost_in_transit stuck_in_transit no_tracking_updates
    tracking_not_updating tracking_not_working tracking_invalid not_yet_shipped when_will_it_ship
    expected_ship_date ships_in dispatch_date dispatched handling_time lead_time made_to_order
    custom_order engraving personalised personalized multiple_items one_item_missing item_missing
    only_part half_order empty_box wrong_quantity
  `),
  returns: list(`
    return warranty replacement exchange refund_status return_label rma defective faulty damaged
    broken_on_arrival doa wrong_item wrong_size wrong_color missing_parts not_as_described quality
    return_window return_policy thirty_days within_days restocking_fee store_credit exchange_policy
    warranty_claim warranty_period extended_warranty guarantee proof_of_purchase serial_number
    receipt_copy purchase_date original_packaging unopened opened used_item inspection inspected
    approved_return rejected_return repair_center service_center technician send_back ship_back
    drop_off return_shipping prepaid_label qr_code return_request replacement_unit new_unit spare_part
    spare_parts part_number recall safety_notice manufacturer_warranty seller retailer marketplace
    amazon reseller authorized_dealer refurbished open_box certified grade like_new scratches dents
    cosmetic_damage return_process return_status return_received refund_issued refund_pending
    refund_delay when_refund how_long_refund original_payment_method exchange_for different_size
    different_color size_chart too_small too_big fit doesnt_fit changed_my_mind no_longer_needed
    ordered_by_mistake duplicate_order arrived_late gift_return gift_receipt return_without_receipt
    return_in_store store_return in_store mail_return return_address return_center return_tracking
    return_lost return_shipping_cost free_returns paid_returns return_fee warranty_card
    warranty_registration register_product product_registration warranty_expired out_of_warranty
    in_warranty repair_quote repair_cost repair_status repair_time loaner courtesy_unit swap
    advance_replacement cross_ship defect manufacturing_defect wear_and_tear misuse accidental_damage
    insurance claim claim_number claim_status photos_of_damage evidence video_of_issue
  `),
  appliances: list(`
    dishwasher fridge freezer oven microwave kettle toaster washing_machine dryer thermostat
    espresso_machine coffee_maker espresso grinder espresso_grinder blender mixer air_fryer
    induction_hob cooktop range_hood extractor_fan ice_maker water_filter filter door_seal gasket drum
    detergent rinse_aid salt drain pump drain_pump hose inlet_valve heating_element element fan motor
    compressor thermostat_dial temperature_probe timer display control_panel knob buttons beeping beeps
    error_code fault_code descale descaling limescale scale water_tank milk_frother steam_wand
    portafilter burr burrs grind_size bean_hopper brew brewing pressure pump_noise leaking_water
    water_on_floor door_wont_close door_latch hinge shelf shelves crisper drawer ice_buildup frost
    defrost not_cooling too_cold too_warm freezer_burn not_heating overheating tripping fuse
    circuit_breaker power_cord plug socket spin_cycle wash_cycle eco_mode quick_wash delay_start
    child_lock smell_of_burning smoke sparks rust rusted mould mold cleaning cleaning_tablets
    self_clean pyrolytic grill turntable magnetron microwave_door kettle_lid boil_dry auto_shutoff
    toaster_slot crumb_tray robot_vacuum vacuum cordless_vacuum suction brush_roll dustbin hepa_filter
    charging_dock air_purifier humidifier dehumidifier fan_heater space_heater radiator boiler
    heat_pump smart_thermostat room_sensor schedule_program heating_schedule eco_temperature oven_door
    oven_light oven_fan convection bake roast broil preheat preheating not_preheating uneven_heating
    hob burner gas_hob ignition igniter clicking flame pilot_light induction pan_detection
    fridge_freezer side_by_side french_door american_fridge water_dispenser ice_dispenser
    leaking_fridge fridge_light fridge_noise buzzing humming rattling vibration vibrating
    dishwasher_not_draining not_draining standing_water dirty_dishes spots cloudy_glasses spray_arm
    filter_clogged clogged blocked_drain e15 e24 e22 f05 f21 error_e15 error_e24 error_f05
    washing_machine_door door_locked wont_unlock not_spinning not_draining_water washer_leaking
    dryer_not_drying condenser lint_filter heat_pump_dryer wrinkles tumble tumble_dryer kettle_leaking
    kettle_not_boiling kettle_smell plastic_taste toaster_not_popping microwave_not_heating
    microwave_sparking microwave_light microwave_turntable coffee_grinder grind_settings espresso_shot
    shot_time crema tamper puck channeling espresso_grinder_jammed grinder_noise beans coarse fine dose
    doser single_dose hopper_lid
  `),
  devices: list(`
    headphones earbuds speaker bluetooth pairing charger battery charging cable usb_c adapter laptop
    tablet phone smartwatch watch fitness_tracker camera webcam microphone keyboard mouse trackpad
    monitor screen display touchscreen stylus printer scanner ink toner cartridge paper_jam firmware
    firmware_update factory_reset reset_button power_button led blinking blinking_light red_light
    no_power wont_turn_on turns_off restart reboot boot boot_loop overheating battery_life
    battery_drain swollen_battery dead_battery wont_charge slow_charging charging_port
    wireless_charging qi dock docking_station hub hdmi displayport dongle noise_cancelling anc ear_tips
    case charging_case left_earbud right_earbud one_side mono audio sound_quality crackling static
    distortion volume mic echo latency lag connection_drops disconnects range pair unpair forget_device
    paired_devices multipoint codec dead_pixel dead_pixels backlight bleeding flicker flickering
    brightness resolution refresh_rate hinge_crack cracked_screen water_damage drop dropped
    warranty_repair screen_replacement storage memory ram ssd hard_drive sd_card memory_card
    cloud_backup photos_lost lens autofocus blurry zoom sensor night_mode gps_signal heart_rate
    step_count sync_watch strap band buckle smart_home hub_offline zigbee matter alexa google_home
    homekit earbuds_case lid case_lid charging_contacts contacts_dirty left_right_imbalance
    firmware_version app_pairing companion_app device_app ota ota_update update_failed bricked
    reset_to_factory hold_button long_press double_tap tap_controls touch_controls gestures
    spatial_audio eq equalizer bass treble sound_settings call_quality callers_cant_hear
    mic_not_working muffled wind_noise transparency_mode ambient_mode wear_detection ear_detection
    fit_test tips_size foam_tips silicone_tips hook ear_hook sport_band leather_band watch_face
    screen_protector tempered_glass case_cover sleeve backpack travel_case laptop_fan fan_noise thermal
    throttling keyboard_backlight sticky_keys key_stuck trackpad_click touchpad usb_port usb_hub
    thunderbolt external_monitor second_screen no_signal printer_offline print_queue wifi_printer
    airprint scan_to_email scanner_driver ink_level printhead print_quality streaks faded smudged
    paper_tray
  `),
  software: list(`
    app update crash crashes version ios android browser chrome safari firefox edge notification
    notifications sync syncing loading slow login_screen blank_screen white_screen black_screen freeze
    freezing not_loading spinning loading_forever timeout timed_out offline_mode cache clear_cache
    cookies reinstall uninstall install installed latest_version old_version app_store play_store beta
    release release_notes changelog bug bugs glitch feature feature_request dark_mode light_mode font
    layout button_missing menu sidebar toolbar search search_results filter sort export import upload
    download attachment file_size too_large file_type unsupported_format pdf csv xlsx docx jpg png heic
    video_upload permission_denied access_denied forbidden not_found server_error internal_error
    something_went_wrong try_again_later maintenance downtime outage incident status_page degraded
    performance memory_usage battery_usage background_refresh push_notifications email_notifications
    badge sound_alerts do_not_disturb widget home_screen shortcut keyboard_shortcut accessibility
    screen_reader voiceover talkback contrast zoom_level translation localization wrong_language
    date_format time_format timezone_bug calendar reminder reminders recurring duplicate duplicates
    data_loss lost_data missing_data restore backup version_history undo trash recycle_bin archive
    archived draft drafts autosave offline_sync conflict conflicts merge_conflict shared_folder sharing
    share_link public_link collaborator collaborators comment_thread mentions editor viewer read_only
    windows_11 windows_10 macos sonoma ventura linux ubuntu chromebook ipad iphone_15 pixel samsung
    app_version build build_number ios_17 ios_18 android_14 android_15 play_services force_close
    force_quit clear_data storage_full low_storage permissions location_permission camera_permission
    microphone_permission notification_permission background_activity battery_optimization doze_mode
    power_saving low_power_mode data_saver mobile_data wifi_only sign_in_with_apple sign_in_with_google
    deep_link links_not_opening open_in_app in_app_purchase restore_purchases
    subscription_not_recognized premium_features locked_features web_app desktop_app electron
    extension_popup browser_extension_issue ad_blocker privacy_badger javascript_error console_error
    stack_trace logs log_file debug diagnostics error_report crash_report crash_log sentry reproduce
    steps_to_reproduce expected_behavior actual_behavior regression worked_before stopped_working
    since_update after_update before_update rollback downgrade_app previous_version
  `),
  integrations: list(`
    api webhook integration export csv import data sync slack token endpoint key api_key zapier
    salesforce hubspot shopify woocommerce magento jira github gitlab google_sheets google_drive
    dropbox onedrive sharepoint teams microsoft_teams zoom calendar_sync outlook gmail imap smtp oauth
    oauth_app client_id client_secret redirect_uri scope scopes refresh_token access_token bearer_token
    unauthorized 401 403 404 429 500 502 503 rate_limit rate_limits throttled quota retry retries
    backoff payload json xml schema field fields custom_field mapping field_mapping sync_error
    sync_failed partial_sync duplicate_records missing_records record records contact contacts deal
    deals lead leads pipeline stage stages object objects bulk bulk_import bulk_export batch cron
    scheduled_export sftp ftp s3 bucket database sql query report reports dashboard dashboards
    analytics metrics chart charts widget embed iframe snippet script javascript sdk library npm python
    ruby php java dotnet postman curl documentation_link api_docs changelog_api deprecated deprecation
    breaking_change version_2 v1 v2 v3 migration migrate sandbox staging production environment
    ip_allowlist webhook_signature signature_mismatch secret hmac retry_policy delivery_failed event
    events event_type subscription_webhook callback_url ssl certificate tls handshake cors preflight
    latency_api timeout_api pagination cursor page_size limit offset filter_param webhooks_failing
    webhook_not_firing webhook_url endpoint_url http https post_request get_request status_code
    response_code response_body request_body headers header authorization content_type application_json
    utf8 encoding special_characters emoji unicode csv_import csv_export import_failed import_error
    column columns column_mapping header_row delimiter comma semicolon date_column empty_rows row_limit
    max_rows template sample_file api_limits api_error api_key_invalid key_revoked regenerate_key
    rotate_key new_key integration_disconnected reconnect reauthorize reauth permissions_scope
    admin_consent marketplace_app app_directory connector connectors native_integration
    custom_integration middleware make_com n8n workato tray power_automate ifttt
  `),
};

/** Share of tickets per topic, in TOPICS' order. */
export const TOPIC_WEIGHTS = [0.2, 0.16, 0.18, 0.1, 0.12, 0.1, 0.09, 0.05];

/** People named in greetings and sign-offs. */
export const FIRST_NAMES = list(`
  james mary john patricia robert jennifer michael linda david elizabeth william barbara richard susan
  joseph jessica thomas sarah charles karen daniel lisa matthew nancy anthony betty mark sandra
  steven ashley paul kimberly andrew emily joshua donna kevin michelle brian carol george amanda
  timothy melissa ronald deborah jason stephanie jeffrey rebecca ryan sharon jacob laura gary cynthia
  nicholas amy eric kathleen jonathan angela stephen helen larry anna justin brenda scott pamela
  sofia lucas mia noah emma liam olivia ethan ava mateo isabella luca giulia pierre camille hans
  anke lars ingrid mohammed fatima aisha omar yuki haruto priya arjun wei ming chen olga ivan
  katarzyna piotr joao maria ana carlos lucia diego valentina
`);
export const LAST_NAMES = list(`
  smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
  wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark
  ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams
  nelson baker hall rivera campbell mitchell carter roberts muller schmidt schneider fischer weber
  meyer wagner becker dubois durand lefebvre moreau rossi russo ferrari esposito bianchi romano
  kowalski nowak wisniewski jansen devries bakker visser smit andersson johansson karlsson nielsen
  hansen tanaka suzuki takahashi watanabe kim park choi patel sharma singh kumar wang zhang liu
  silva santos oliveira souza costa pereira murphy kelly obrien ryan byrne walsh
`);

/** Prefixes of product model codes (e.g. "KX-4012"), most common first. */
export const MODEL_PREFIXES = list(`
  kx mx dx ex pro sx tx ax zx rx vx hx lx nx px cx bx fx gx jx qx wx yx ux ox
`);
